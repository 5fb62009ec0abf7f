package nl.trede.core.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.trede.core.catalogue.EvidenceLevel;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.wording.Rationale;
import org.junit.jupiter.api.Test;

/** The README's override definition, rule by rule. */
class OverrideRuleTest {

    private static final int SCORE_CATEGORY = 3;

    /** Advice ranked WAGE_SUBSIDY, WORK_FIRST, NONE; WORK_FIRST is tied with the top, NONE is not. */
    private static final ShownAdvice ADVICE = new ShownAdvice(12,
            new ShownAdvice.Versions("distance-t", "effects-t", "catalogue-t"), 0.18, List.of(
                    option("WAGE_SUBSIDY", 4.0, List.of("WORK_FIRST")),
                    option("WORK_FIRST", 3.2, List.of("WAGE_SUBSIDY")),
                    option("NONE", 0, List.of())),
            List.of());

    private static ShownAdvice.Option option(String code, double effect, List<String> tiedWith) {
        return new ShownAdvice.Option(code, code.toLowerCase(), new ShownAdvice.Effect(effect, effect - 1, effect + 1),
                EffectSource.BLEND, 0.5, 1000, 6, EvidenceLevel.GOOD_INDICATIONS, new Rationale("waarom", "why"), tiedWith);
    }

    private static OverrideRule.Verdict judge(List<String> chosen, Integer adjustedCategory, boolean reasonGiven) {
        return OverrideRule.judge(ADVICE.top().code(), ADVICE.top().tiedWith(), SCORE_CATEGORY, chosen, adjustedCategory, reasonGiven);
    }

    @Test
    void choosingExactlyTheTopFollowsTheAdvice() {
        assertEquals(new OverrideRule.Verdict(false, false), judge(List.of("WAGE_SUBSIDY"), null, false));
    }

    @Test
    void choosingASingleOptionTiedWithTheTopFollowsTheAdvice() {
        assertEquals(new OverrideRule.Verdict(false, false), judge(List.of("WORK_FIRST"), null, false));
    }

    @Test
    void choosingAnOptionNotTiedWithTheTopIsAnOverride() {
        assertTrue(judge(List.of("NONE"), null, true).override());
    }

    @Test
    void choosingTwoOptionsIsAnOverrideEvenWhenBothFollowTheAdvice() {
        assertTrue(judge(List.of("WAGE_SUBSIDY", "WORK_FIRST"), null, true).override());
        assertTrue(judge(List.of("WORK_FIRST", "WAGE_SUBSIDY"), null, true).override());
    }

    @Test
    void adjustingTheCategoryIsAnOverrideButRepeatingTheScoresCategoryIsNot() {
        assertTrue(judge(List.of("WAGE_SUBSIDY"), SCORE_CATEGORY + 1, true).override());
        assertFalse(judge(List.of("WAGE_SUBSIDY"), SCORE_CATEGORY, false).override());
    }

    @Test
    void anOverrideNeedsAReasonAndFollowingTheAdviceDoesNot() {
        assertEquals(new OverrideRule.Verdict(true, true), judge(List.of("NONE"), null, false));
        assertEquals(new OverrideRule.Verdict(true, true), judge(List.of("WAGE_SUBSIDY"), 2, false));
        assertEquals(new OverrideRule.Verdict(true, false), judge(List.of("NONE"), null, true));
        assertEquals(new OverrideRule.Verdict(false, false), judge(List.of("WAGE_SUBSIDY"), null, true));
    }

    @Test
    void onlyTheTopsTiesCountNotTheTiesOfOtherOptions() {
        ShownAdvice advice = new ShownAdvice(12, ADVICE.versions(), 0.18, List.of(
                option("WAGE_SUBSIDY", 4.0, List.of()),
                option("WORK_FIRST", 2.0, List.of("NONE")),
                option("NONE", 0, List.of("WORK_FIRST"))), List.of());
        assertTrue(OverrideRule.judge(advice.top().code(), advice.top().tiedWith(), SCORE_CATEGORY, List.of("NONE"), null, true).override());
        assertTrue(OverrideRule.judge(advice.top().code(), advice.top().tiedWith(), SCORE_CATEGORY, List.of("WORK_FIRST"), null, true).override());
    }

    @Test
    void afterADrawOnlyTheDrawnOptionFollowsTheAdviceAndDeviatingFromTheDrawNeedsAReason() {
        assertEquals(new OverrideRule.Verdict(false, false),
                OverrideRule.judgeAfterDraw("WORK_FIRST", SCORE_CATEGORY, List.of("WORK_FIRST"), null, false));
        // The top, though tied, is not what was drawn: choosing it deviates from the draw.
        assertEquals(new OverrideRule.Verdict(true, true),
                OverrideRule.judgeAfterDraw("WORK_FIRST", SCORE_CATEGORY, List.of("WAGE_SUBSIDY"), null, false));
        assertEquals(new OverrideRule.Verdict(true, false),
                OverrideRule.judgeAfterDraw("WORK_FIRST", SCORE_CATEGORY, List.of("WAGE_SUBSIDY"), null, true));
        assertTrue(OverrideRule.judgeAfterDraw("WORK_FIRST", SCORE_CATEGORY, List.of("WORK_FIRST", "NONE"), null, true).override());
        assertTrue(OverrideRule.judgeAfterDraw("WORK_FIRST", SCORE_CATEGORY, List.of("WORK_FIRST"), SCORE_CATEGORY + 1, true).override());
    }
}
