package nl.trede.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.trede.core.catalogue.EvidenceLevel;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.core.wording.Rationale;
import org.junit.jupiter.api.Test;

/** The options tied with the top, read from a stored advice without reading the rest, as the whole advice reads them. */
class AdviceBodyTest {

    private static final ShownAdvice.Versions VERSIONS = new ShownAdvice.Versions("distance-t", "effects-t", "catalogue-t");

    private static ShownAdvice.Option option(String code, List<String> tiedWith) {
        return new ShownAdvice.Option(code, "naam \"" + code + "\" [1]", new ShownAdvice.Effect(2.0, -1.0, 5.0),
                EffectSource.BLEND, 0.5, 1000, 6, EvidenceLevel.GOOD_INDICATIONS,
                new Rationale("waarom, {met} [tekens]", "why"), tiedWith);
    }

    private static List<String> bothWays(ShownAdvice advice) {
        String json = AdviceBody.write(advice);
        List<String> streamed = AdviceBody.topTiedWith(json);
        List<String> read = AdviceBody.read(json, advice.horizonMonths(), VERSIONS).ranked().get(0).tiedWith();
        assertEquals(read, streamed, "the quick read agrees with the whole advice");
        return streamed;
    }

    @Test
    void theTopsTiesAreReadAndNotThoseOfAnotherOption() {
        ShownAdvice advice = new ShownAdvice(12, VERSIONS, 0.2, List.of(
                option("WAGE_SUBSIDY", List.of("WORK_FIRST", "JOB_COACHING")),
                option("WORK_FIRST", List.of("WAGE_SUBSIDY")),
                option("NONE", List.of())), List.of(new ShownAdvice.Excluded("DEBT_COUNSELLING", "schulden",
                new Rationale("geen schulden", "no debts"))));
        assertEquals(List.of("WORK_FIRST", "JOB_COACHING"), bothWays(advice));
    }

    @Test
    void aTopWithoutTiesHasNone() {
        ShownAdvice advice = new ShownAdvice(24, VERSIONS, 0.2, List.of(
                option("WORK_FIRST", List.of()), option("NONE", List.of("WAGE_SUBSIDY"))), List.of());
        assertEquals(List.of(), bothWays(advice));
    }

    @Test
    void anErasedAdviceHasNoTies() {
        assertEquals(List.of(), AdviceBody.topTiedWith(AdviceBody.ERASED));
    }
}
