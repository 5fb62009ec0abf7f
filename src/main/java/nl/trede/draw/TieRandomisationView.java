package nl.trede.draw;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipality's switch for randomisation among tied options, as in force at a moment. */
@Schema(name = "TieRandomisation")
public record TieRandomisationView(
        @Schema(example = "GM0599") String municipalityCode,
        @Schema(description = "Whether klantmanagers may draw among options statistically tied with the top; false until switched on")
        boolean enabled,
        @Schema(description = "The change that put this in force; null while it was never changed (off by default)", nullable = true)
        UUID changeId,
        @Schema(description = "When that change was made; null while it was never changed", nullable = true) Instant changedAt,
        @Schema(description = "Who made it (the account); null while it was never changed", nullable = true) String changedBy) {

    static TieRandomisationView of(String municipalityCode, TieRandomisationChange change) {
        return change == null ? new TieRandomisationView(municipalityCode, false, null, null, null)
                : new TieRandomisationView(municipalityCode, change.enabled, change.id, change.changedAt, change.changedBy);
    }
}
