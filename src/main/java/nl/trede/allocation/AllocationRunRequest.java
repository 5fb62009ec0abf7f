package nl.trede.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which cohort to allocate the places of which period to, at which horizon. */
@Schema(name = "AllocationRunRequest")
public record AllocationRunRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code like GM0599")
        @Schema(example = "GM0599", required = true)
        String municipalityCode,
        @NotBlank(message = "is required")
        @Pattern(regexp = CapacityPlanResource.PERIOD_REGEX, message = "must be a quarter like 2026-Q4 or a month like 2026-11")
        @Schema(description = "The period whose capacity plan is allocated", example = "2026-Q4", required = true)
        String period,
        @Schema(description = "Horizon of the expected effects: 12 (default) or 24 months", enumeration = {"12", "24"}, example = "12")
        Integer horizonMonths,
        @Size(max = 20000, message = "at most 20000 intakes")
        @Schema(description = "The cohort: these intakes. Left out: the municipality's open intakes, each client's latest intake "
                + "without a decision")
        List<@NotNull(message = "must be an intake id") UUID> intakeIds,
        @Size(max = 20, message = "at most 20 limits")
        @Schema(description = "Fairness limits: for each group of the attribute (as recorded apart, PUT /clients/{id}/fairness-attributes), "
                + "its share among the clients given an intervention (or the one named) is at least minimumRatio times its share of "
                + "the cohort. Clients without the attribute recorded count neither for nor against it. The run reports what each "
                + "limit costs")
        List<@Valid @NotNull(message = "must be an object") FairnessLimit> fairnessLimits) {

    @Schema(name = "AllocationFairnessLimit")
    public record FairnessLimit(
            @NotNull(message = "is required")
            @Schema(description = "The protected attribute whose groups are held to the limit", required = true, example = "GENDER")
            ProtectedAttribute attribute,
            @NotNull(message = "is required")
            @DecimalMin(value = "0", inclusive = false, message = "must be above 0 and at most 1")
            @DecimalMax(value = "1", message = "must be above 0 and at most 1")
            @Schema(description = "0.8 is the four-fifths rule; 1 asks for at least the cohort's share", required = true, example = "0.8")
            Double minimumRatio,
            @Schema(description = "Only among the clients given this intervention (one on the plan); left out: any intervention",
                    example = "WAGE_SUBSIDY", nullable = true)
            String interventionCode) {
    }
}
