package nl.trede.fairness;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FairnessAttributes")
public record FairnessAttributesView(
        @Schema(nullable = true) Gender gender,
        @Schema(nullable = true) MigrationBackground migrationBackground,
        @Schema(required = true, description = "When they were recorded or last replaced") Instant recordedAt) {

    static FairnessAttributesView of(FairnessAttributes stored) {
        return new FairnessAttributesView(stored.gender, stored.migrationBackground, stored.recordedAt);
    }
}
