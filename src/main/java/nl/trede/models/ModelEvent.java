package nl.trede.models;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One move of the active or shadow pointer, as the registry's history shows it. */
@Schema(name = "ModelEvent")
public record ModelEvent(
        @Schema(description = "Position in the history, oldest first", example = "2") long seq,
        UUID id,
        Instant occurredAt,
        @Schema(description = "SEEDED, PROMOTED and ROLLED_BACK change the active version; SHADOW_STARTED and SHADOW_STOPPED the shadow")
        Kind kind,
        @Schema(nullable = true, description = "The version active (or shadowing) before; absent for the first", example = "1")
        Long fromVersion,
        @Schema(nullable = true, description = "The version active (or shadowing) after; absent when a shadow stopped", example = "2")
        Long toVersion,
        @Schema(description = "Account that carried it out (for a promotion: the admin who approved it)", example = "admin-rotterdam")
        String actor,
        @Schema(nullable = true, description = "For a promotion: the data scientist who proposed it", example = "data-scientist-rotterdam")
        String proposedBy,
        @Schema(description = "Why, in the words of whoever did it") String reason,
        @Schema(nullable = true, description = "For a promotion: SHA-256 of the evaluation report it was approved on")
        String reportSha256,
        @Schema(nullable = true, description = "For a promotion: the proposal it carried out") UUID promotionId) {

    public enum Kind {
        SEEDED, PROMOTED, ROLLED_BACK, SHADOW_STARTED, SHADOW_STOPPED;

        /** The kinds that change which version is active. */
        static final Set<Kind> ACTIVATING = Set.of(SEEDED, PROMOTED, ROLLED_BACK);
    }
}
