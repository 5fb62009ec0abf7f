package nl.trede.fairness;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the client chose to state; either may be left out. */
@Schema(name = "FairnessAttributesRequest")
public record FairnessAttributesRequest(
        @Schema(nullable = true, description = "Registered gender; absent when not stated", example = "FEMALE") Gender gender,
        @Schema(nullable = true, description = "Origin in CBS's classification of 2022 (herkomst); absent when not stated",
                example = "OUTSIDE_EUROPE")
        MigrationBackground migrationBackground) {
}
