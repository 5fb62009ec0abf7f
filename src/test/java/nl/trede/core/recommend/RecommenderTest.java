package nl.trede.core.recommend;

import static nl.trede.core.Profiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Eligibility;
import nl.trede.core.catalogue.EvidenceLevel;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.wording.Rationale;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** Ranking, the tie rule and exclusions, with effects fixed by the test. */
class RecommenderTest {

    private static final double Z95 = 1.959964;

    private static Intervention intervention(String code, double cost, Eligibility eligibility) {
        return new Intervention(code, code.toLowerCase(), code.toLowerCase(), cost, 3, EvidenceLevel.GOOD_INDICATIONS,
                eligibility, 0, 0, "test");
    }

    /** An estimate with the given point and standard error; null standard error means no comparable history. */
    private static EffectEstimate effect(double point, Double se) {
        if (se == null) {
            return new EffectEstimate(Double.NaN, Double.NaN, Double.NaN, 12, EffectSource.LEARNED, 0, false,
                    new Rationale("te weinig", "not enough"));
        }
        return new EffectEstimate(point, point - Z95 * se, point + Z95 * se, 12, EffectSource.LEARNED, 0, true,
                new Rationale("geleerd", "learned"));
    }

    /** Answers fixed estimates by code and remembers the baseline chance it was given. */
    private static final class FixedEffects implements EffectModel {
        final Map<String, EffectEstimate> byCode;
        final List<Double> baselines = new ArrayList<>();

        FixedEffects(Map<String, EffectEstimate> byCode) {
            this.byCode = byCode;
        }

        @Override
        public String version() {
            return "fixed";
        }

        @Override
        public EffectEstimate estimate(IntakeProfile p, double baselineChance, Intervention intervention, int horizonMonths) {
            baselines.add(baselineChance);
            return byCode.get(intervention.code());
        }
    }

    private static final Catalogue CATALOGUE = new Catalogue("test-1", List.of(
            intervention("NONE", 0, Eligibility.EVERYONE),
            intervention("CHEAP", 100, Eligibility.EVERYONE),
            intervention("DEAR", 900, Eligibility.EVERYONE),
            intervention("CLEAR_WINNER", 500, Eligibility.EVERYONE),
            intervention("UNKNOWN", 50, Eligibility.EVERYONE),
            intervention("DEBTS_ONLY", 50, Eligibility.PROBLEMATIC_DEBTS)));

    private static List<String> codes(Advice advice) {
        return advice.ranked().stream().map(r -> r.intervention().code()).toList();
    }

    @Test
    void ranksByEffectTheCheaperFirstOnAnExactTieAndOptionsWithoutHistoryLast() {
        FixedEffects effects = new FixedEffects(Map.of("NONE", effect(0, 0.0), "CHEAP", effect(2, 1.0), "DEAR", effect(2, 1.0),
                "CLEAR_WINNER", effect(9, 0.5), "UNKNOWN", effect(0, null), "DEBTS_ONLY", effect(20, 1.0)));
        Advice advice = new Recommender().recommend(profile(ProfileField.PROBLEMATIC_DEBTS, false), 0.23, CATALOGUE, effects, 12);
        assertEquals(List.of("CLEAR_WINNER", "CHEAP", "DEAR", "NONE", "UNKNOWN"), codes(advice));
        assertEquals(1, advice.notEligible().size());
        assertEquals("DEBTS_ONLY", advice.notEligible().get(0).intervention().code());
        assertEquals("Past niet bij deze klant: alleen bij problematische schulden.", advice.notEligible().get(0).reason().dutch());
        assertEquals("Not eligible: only with problematic debts", advice.notEligible().get(0).reason().english());
    }

    @Test
    void theEffectsAreComputedFromTheBaselineChanceItIsGiven() {
        FixedEffects effects = new FixedEffects(Map.of("NONE", effect(0, 0.0), "CHEAP", effect(1, 1.0), "DEAR", effect(1, 1.0),
                "CLEAR_WINNER", effect(1, 1.0), "UNKNOWN", effect(1, 1.0), "DEBTS_ONLY", effect(1, 1.0)));
        Advice advice = new Recommender().recommend(profile(), 0.37, CATALOGUE, effects, 12);
        assertEquals(0.37, advice.baselineChance());
        assertFalse(effects.baselines.isEmpty());
        assertTrue(effects.baselines.stream().allMatch(b -> b == 0.37), effects.baselines.toString());
    }

    @Test
    void tiesAreSymmetricAndLeaveOutOptionsWithoutHistory() {
        FixedEffects effects = new FixedEffects(Map.of("NONE", effect(0, 0.1), "CHEAP", effect(2, 1.0), "DEAR", effect(3, 1.0),
                "CLEAR_WINNER", effect(9, 0.5), "UNKNOWN", effect(3, null), "DEBTS_ONLY", effect(1, 1.0)));
        Advice advice = new Recommender().recommend(profile(ProfileField.PROBLEMATIC_DEBTS, false), 0.2, CATALOGUE, effects, 12);
        Map<String, List<String>> ties = new java.util.HashMap<>();
        advice.ranked().forEach(r -> ties.put(r.intervention().code(), r.tiedWith()));
        assertEquals(List.of(), ties.get("CLEAR_WINNER"), "9 ± 1 is clear of 3 ± 2");
        assertEquals(List.of("CHEAP"), ties.get("DEAR"));
        assertEquals(List.of("DEAR"), ties.get("CHEAP"));
        assertEquals(List.of(), ties.get("UNKNOWN"), "no number, so no tie");
        assertFalse(ties.get("NONE").contains("UNKNOWN"));
    }

    @Test
    void twoEstimatesAreTiedExactlyWhenTheIntervalOfTheirDifferenceContainsZero() {
        double se = Math.hypot(1.0, 2.0);
        EffectEstimate a = effect(5, 1.0);
        assertTrue(Recommender.statisticallyTied(a, effect(5 - Z95 * se * 0.999, 2.0)));
        assertFalse(Recommender.statisticallyTied(a, effect(5 - Z95 * se * 1.001, 2.0)));
        assertTrue(Recommender.statisticallyTied(effect(5 - Z95 * se * 0.999, 2.0), a), "symmetric");
    }
}
