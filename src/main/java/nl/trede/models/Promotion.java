package nl.trede.models;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data scientist's proposal to make a version active, and the admin's decision on it (four eyes). */
@Schema(name = "ModelPromotion")
public record Promotion(
        UUID id,
        @Schema(description = "The version proposed", example = "2") long version,
        @Schema(description = "The version active when it was proposed; approval fails with 409 if another has become active since",
                example = "1") long fromVersion,
        @Schema(description = "SHA-256 of the evaluation report the proposal rests on") String reportSha256,
        @Schema(example = "data-scientist-rotterdam") String proposedBy,
        Instant proposedAt,
        String reason,
        State state,
        @Schema(nullable = true, example = "admin-rotterdam") String decidedBy,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true) String decisionReason) {

    public enum State { PROPOSED, APPROVED, REJECTED }
}
