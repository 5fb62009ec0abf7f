package nl.trede.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.trede.core.evaluation.ShadowAgreement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a shadow version's answers on live intakes compare with the active set's, as the models page shows it. */
@Schema(name = "ShadowComparison", description = "A shadow version's answers on live intakes beside the active set's. "
        + "Shares are fractions (0–1); null where there is nothing to compare or a subgroup is below minimumSubgroupSize.")
public record ShadowComparison(
        @Schema(description = "The shadow version compared", example = "2") long shadowVersion,
        @Schema(description = "The municipalities whose intakes are compared: those the caller acts for") List<String> municipalityCodes,
        @Schema(description = "Intakes the shadow scored", example = "1250") int intakesCompared,
        @Schema(description = "First and last of those intakes; null without any") Period period,
        @Schema(description = "Subgroups with fewer intakes are reported without rates", example = "20") int minimumSubgroupSize,
        @Schema(description = "Whether the subgroups by gender and migration background are included (only for the fairness-auditor role)")
        boolean protectedAttributesIncluded,
        Categories categories,
        @Schema(description = "Agreement of the advice at 12 and at 24 months") List<Advice> advice,
        @Schema(description = "The same per subgroup: age band and Dutch language level from the profile and, for the "
                + "fairness-auditor role, gender and migration background as recorded apart") List<Subgroup> subgroups) {

    public record Period(Instant from, Instant to) {
    }

    @Schema(name = "ShadowCategoryAgreement")
    public record Categories(
            @Schema(description = "Share of intakes given the same distance category", example = "0.94") Double agreement,
            @Schema(description = "Mean of the shadow's probability minus the active one's, in percentage points", example = "-0.8")
            Double meanProbabilityDifferencePoints,
            @Schema(description = "The 4 × 4 table: per active category, how many intakes the shadow put in categories 1–4")
            List<CategoryRow> table) {
    }

    @Schema(name = "ShadowCategoryRow")
    public record CategoryRow(
            @Schema(description = "The active set's category", example = "1") int activeCategory,
            @Schema(description = "Intakes in that active category by the shadow's category 1, 2, 3 and 4 (four numbers)",
                    example = "[410, 22, 0, 0]") List<Long> shadowCategoryCounts) {
    }

    @Schema(name = "ShadowAdviceAgreement")
    public record Advice(
            @Schema(example = "12") int horizonMonths,
            @Schema(description = "Share of intakes where both put the same intervention first", example = "0.81") Double topAgreement,
            @Schema(description = "Mean Kendall's tau between the two rankings of the eligible options (1: the same order, "
                    + "−1: reversed)", example = "0.74") Double meanKendallTau) {
    }

    @Schema(name = "ShadowSubgroup")
    public record Subgroup(
            @Schema(description = "ageBand, dutchLanguageLevel, gender or migrationBackground", example = "ageBand") String attribute,
            @Schema(description = "The group; unknown where the profile or the recorded attributes do not say", example = "27-39")
            String group,
            @Schema(example = "310") int intakes,
            @Schema(description = "null below minimumSubgroupSize") Double categoryAgreement,
            @Schema(description = "null below minimumSubgroupSize") Double meanProbabilityDifferencePoints,
            @Schema(description = "Empty below minimumSubgroupSize") List<Advice> advice) {
    }

    static Categories categories(ShadowAgreement.Summary summary) {
        List<CategoryRow> table = new ArrayList<>();
        for (int a = 0; a < ShadowAgreement.CATEGORIES; a++) {
            List<Long> counts = new ArrayList<>();
            for (long count : summary.table()[a]) {
                counts.add(count);
            }
            table.add(new CategoryRow(a + 1, counts));
        }
        return new Categories(orNull(summary.categoryAgreement()), points(summary.meanProbabilityDifference()), table);
    }

    static List<Advice> advice(ShadowAgreement.Summary summary) {
        return summary.advice().stream()
                .map(h -> new Advice(h.horizonMonths(), orNull(h.topAgreement()), orNull(h.meanKendallTau()))).toList();
    }

    static Subgroup subgroup(String attribute, String group, ShadowAgreement.Summary summary, int minimum) {
        if (summary.clients() < minimum) {
            return new Subgroup(attribute, group, summary.clients(), null, null, List.of());
        }
        return new Subgroup(attribute, group, summary.clients(), orNull(summary.categoryAgreement()),
                points(summary.meanProbabilityDifference()), advice(summary));
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Double points(double probability) {
        return Double.isNaN(probability) ? null : Math.round(probability * 10_000) / 100.0;
    }
}
