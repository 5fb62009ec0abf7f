package nl.trede.overriderates;

import java.time.LocalDate;
import java.util.List;
import nl.trede.decision.ReasonCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How often klantmanagers deviated from the advice in one municipality, why, on which advice, and
 * how followed and overridden advice turned out. Rates are null where there were no decisions.
 */
@Schema(name = "OverrideRates")
public record OverrideRates(
        @Schema(example = "GM0599") String municipalityCode,
        @Schema(description = "Length of each period", example = "MONTH") Period period,
        @Schema(description = "All decisions recorded", example = "120") long decisions,
        @Schema(description = "Decisions that deviated from the advice", example = "18") long overrides,
        @Schema(description = "overrides / decisions", example = "0.15", nullable = true) Double overrideRate,
        @Schema(description = "What the overall rate suggests, by the bands in the README") Signal signal,
        @Schema(description = "One entry per period from the first to the last decision, empty periods included") List<PeriodRate> periods,
        @Schema(description = "Overrides per reason code, every code listed") List<ReasonCount> reasons,
        @Schema(description = "Decisions and overrides per intervention the advice put first, most often advised first")
        List<AdvisedRate> advised,
        @Schema(description = "How clients fared after followed and after overridden advice: descriptive, NOT causal (the two groups"
                + " differ in who they are, which is why the klantmanager deviated)")
        List<Afterwards> afterwards) {

    @Schema(name = "PeriodLength", description = "Length of a period over which overrides are counted")
    public enum Period { WEEK, MONTH }

    /**
     * Bands on the overall rate, once there are at least {@link #MINIMUM_DECISIONS} decisions:
     * below {@link #RUBBER_STAMPING_BELOW} the advice may be signed off without judgement; above
     * {@link #NOT_TRUSTED_ABOVE} the advice may not fit practice.
     */
    @Schema(name = "OverrideSignal", description = "TOO_FEW_DECISIONS under 50 decisions; RUBBER_STAMPING under 2 % overrides;"
            + " ADVICE_NOT_TRUSTED over 50 %; otherwise WITHIN_BANDS")
    public enum Signal {
        TOO_FEW_DECISIONS, RUBBER_STAMPING, WITHIN_BANDS, ADVICE_NOT_TRUSTED;

        static final long MINIMUM_DECISIONS = 50;
        static final double RUBBER_STAMPING_BELOW = 0.02;
        static final double NOT_TRUSTED_ABOVE = 0.5;

        static Signal of(long decisions, Double rate) {
            if (decisions < MINIMUM_DECISIONS) {
                return TOO_FEW_DECISIONS;
            }
            return rate < RUBBER_STAMPING_BELOW ? RUBBER_STAMPING : rate > NOT_TRUSTED_ABOVE ? ADVICE_NOT_TRUSTED : WITHIN_BANDS;
        }
    }

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

    @Schema(name = "OverrideRateByAdvice")
    public record AdvisedRate(
            @Schema(description = "The intervention the advice put first", example = "JOB_SEARCH_ASSISTANCE") String interventionCode,
            @Schema(example = "40") long decisions,
            @Schema(example = "6") long overrides,
            @Schema(example = "0.15") double overrideRate) {
    }

    @Schema(name = "OverrideAfterwards")
    public record Afterwards(
            @Schema(description = "Decisions that followed the advice, or that deviated from it") boolean overridden,
            @Schema(example = "100") long decisions,
            @Schema(description = "Decisions whose 12-month label is known (not censored)", example = "60") long labelled,
            @Schema(description = "Of those, paid work within 12 months", example = "21") long workedWithin12Months,
            @Schema(description = "workedWithin12Months / labelled", example = "0.35", nullable = true) Double share) {
    }
}
