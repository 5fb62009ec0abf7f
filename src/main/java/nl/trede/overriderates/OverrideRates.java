package nl.trede.overriderates;

import java.time.LocalDate;
import java.util.List;
import nl.trede.decision.ReasonCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How often klantmanagers deviated from the advice in one municipality. Near-zero rates suggest
 * rubber-stamping; a rising rate, advice that no longer fits. Rates are null where there were no decisions.
 */
@Schema(name = "OverrideRates")
public record OverrideRates(
        @Schema(example = "GM0599") String municipalityCode,
        @Schema(description = "Length of each period", example = "MONTH") Period period,
        @Schema(description = "All decisions recorded", example = "120") long decisions,
        @Schema(description = "Decisions that deviated from the advice", example = "18") long overrides,
        @Schema(description = "overrides / decisions", example = "0.15", nullable = true) Double overrideRate,
        @Schema(description = "One entry per period from the first to the last decision, empty periods included") List<PeriodRate> periods,
        @Schema(description = "Overrides per reason code, every code listed") List<ReasonCount> reasons) {

    @Schema(name = "PeriodLength", description = "Length of a period over which overrides are counted")
    public enum Period { WEEK, MONTH }

    @Schema(name = "OverrideRatePeriod")
    public record PeriodRate(
            @Schema(description = "First day of the period (weeks start on Monday), Europe/Amsterdam", example = "2026-11-01") LocalDate start,
            @Schema(example = "12") long decisions,
            @Schema(example = "2") long overrides,
            @Schema(example = "0.17", nullable = true) Double overrideRate) {
    }

    @Schema(name = "OverrideReasonCount")
    public record ReasonCount(
            ReasonCode reasonCode,
            @Schema(example = "5") long overrides,
            @Schema(description = "Share of all overrides", example = "0.28", nullable = true) Double share) {
    }
}
