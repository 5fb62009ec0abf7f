package nl.trede.decision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A klantmanager's decision on an intake. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotEmpty(message = "choose at least one intervention (NONE for no intervention)")
        @Size(max = 5, message = "at most 5 interventions at once")
        @Schema(description = "Chosen intervention codes from the catalogue", example = "[\"JOB_SEARCH_ASSISTANCE\"]", required = true)
        List<@NotBlank(message = "must be an intervention code") String> interventionCodes,
        @NotBlank(message = "is required")
        @Size(max = 64, message = "must be at most 64 characters")
        @Schema(description = "Id of the klantmanager in the municipality's systems (not a name)", example = "km-0412", required = true)
        String klantmanagerId,
        @Min(value = 1, message = "must be between 1 and 4")
        @Max(value = 4, message = "must be between 1 and 4")
        @Schema(description = "The klantmanager's own distance category, when it differs from the score's", example = "3")
        Integer adjustedCategory,
        @Schema(description = "Required when the decision deviates from the top recommendation or the score's category")
        ReasonCode reasonCode,
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Schema(description = "Free-text explanation of the deviation (no more personal data than needed)")
        String note,
        @Schema(description = "The advice decided on; defaults to the advice of the draw named in drawId, else the latest advice "
                + "shown for the intake")
        UUID recommendationId,
        @Schema(description = "The draw among tied options the decision was taken after (POST /intakes/{intakeId}/draws): "
                + "choosing exactly the drawn option follows the advice, anything else is an override and needs a reasonCode")
        UUID drawId) {
}
