package nl.trede.allocation;

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
        List<@NotNull(message = "must be an intake id") UUID> intakeIds) {
}
