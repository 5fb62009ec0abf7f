package nl.trede.core.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.trede.core.catalogue.EvidenceLevel;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.wording.Rationale;
import org.junit.jupiter.api.Test;

/** Who takes part in a draw among tied options, and that the draw gives each the probability it records. */
class TieDrawTest {

    private static final List<String> CODES = List.of("WAGE_SUBSIDY", "WORK_FIRST", "JOB_SEARCH_ASSISTANCE", "NONE",
            "SOCIAL_ACTIVATION", "ON_THE_JOB_TRAINING", "VOCATIONAL_TRAINING");

    /** An advice over some of the codes, in rank order, whose top is tied with a random subset of the others. */
    record Case(ShownAdvice advice, Set<String> excluded, long seed) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, CODES.size()).flatMap(size -> Combinators.combine(
                Arbitraries.of(true, false).list().ofSize(size),
                Arbitraries.of(true, false).list().ofSize(size),
                Arbitraries.longs()).as((tiedWithTop, excludedFlags, seed) -> {
                    List<String> ranked = CODES.subList(0, size);
                    List<String> ties = new ArrayList<>();
                    Set<String> excluded = new HashSet<>();
                    for (int i = 0; i < size; i++) {
                        if (i > 0 && tiedWithTop.get(i)) {
                            ties.add(ranked.get(i));
                        }
                        if (excludedFlags.get(i)) {
                            excluded.add(ranked.get(i));
                        }
                    }
                    List<ShownAdvice.Option> options = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        String code = ranked.get(i);
                        // Ties are symmetric: an option tied with the top lists the top; the others list nothing.
                        options.add(option(code, 5.0 - i, i == 0 ? ties : ties.contains(code) ? List.of(ranked.get(0)) : List.of()));
                    }
                    return new Case(advice(options), excluded, seed);
                }));
    }

    @Property(tries = 500)
    void onlyOptionsTiedWithTheTopAndNotExcludedTakePartAndTheDrawnOneIsAmongThem(@ForAll("cases") Case c) {
        ShownAdvice.Option top = c.advice().top();
        List<String> candidates = TieDraw.candidates(c.advice(), c.excluded());
        for (String code : candidates) {
            assertTrue(code.equals(top.code()) || top.tiedWith().contains(code), code + " is not tied with the top");
            assertTrue(!c.excluded().contains(code), code + " was excluded");
        }
        List<String> expected = c.advice().ranked().stream().map(ShownAdvice.Option::code)
                .filter(code -> code.equals(top.code()) || top.tiedWith().contains(code)).filter(code -> !c.excluded().contains(code))
                .toList();
        assertEquals(expected, candidates, "every tied option not excluded takes part, in rank order");
        if (candidates.size() < 2) {
            assertThrows(IllegalArgumentException.class, () -> TieDraw.draw(candidates, new SplittableRandom(c.seed())));
            return;
        }
        TieDraw.Result result = TieDraw.draw(candidates, new SplittableRandom(c.seed()));
        assertTrue(candidates.contains(result.drawn()), "the drawn option is a candidate");
        assertEquals(candidates, result.candidates().stream().map(TieDraw.Candidate::code).toList());
        assertEquals(1.0, result.candidates().stream().mapToDouble(TieDraw.Candidate::probability).sum(), 1e-12);
        assertEquals(1.0 / candidates.size(), result.drawnProbability(), 1e-12);
    }

    /** With a fixed seed, so that it is exact every run: each option comes up as often as its probability says. */
    @Test
    void overManyDrawsEachCandidateComesUpAsOftenAsItsProbability() {
        List<String> candidates = List.of("WORK_FIRST", "NONE", "JOB_SEARCH_ASSISTANCE", "WAGE_SUBSIDY");
        SplittableRandom random = new SplittableRandom(20261201L);
        int draws = 80_000;
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            TieDraw.Result result = TieDraw.draw(candidates, random);
            counts.merge(result.drawn(), 1, Integer::sum);
        }
        // The standard error of a share of 1/4 over 80,000 draws is 0.0015: 0.01 is more than six of them,
        // and a draw that favoured one option by a few points would fail.
        for (String code : candidates) {
            assertEquals(0.25, counts.get(code) / (double) draws, 0.01, code + " " + counts);
        }
    }

    @Test
    void noneTakesPartLikeAnyOptionWhenTiedAndIneligibleOptionsNeverDo() {
        ShownAdvice advice = new ShownAdvice(12, new ShownAdvice.Versions("d", "e", "c"), 0.2, List.of(
                option("WORK_FIRST", 3, List.of("NONE")), option("NONE", 0, List.of("WORK_FIRST")), option("WAGE_SUBSIDY", -1, List.of())),
                List.of(new ShownAdvice.Excluded("DEBT_COUNSELLING", "schuldhulpverlening", new Rationale("niet", "not"))));
        assertEquals(List.of("WORK_FIRST", "NONE"), TieDraw.candidates(advice, Set.of()));
        assertEquals(List.of("NONE"), TieDraw.candidates(advice, Set.of("WORK_FIRST")), "the top can be excluded too");
    }

    @Test
    void anAdviceWithoutOptionsHasNothingToDrawAmong() {
        assertEquals(List.of(), TieDraw.tiedWithTop(advice(List.of())));
    }

    private static ShownAdvice advice(List<ShownAdvice.Option> options) {
        return new ShownAdvice(12, new ShownAdvice.Versions("d", "e", "c"), 0.2, options, List.of());
    }

    private static ShownAdvice.Option option(String code, double effect, List<String> tiedWith) {
        return new ShownAdvice.Option(code, code.toLowerCase(), new ShownAdvice.Effect(effect, effect - 2, effect + 2),
                EffectSource.BLEND, 0.5, 1000, 6, EvidenceLevel.GOOD_INDICATIONS, new Rationale("waarom", "why"), tiedWith);
    }
}
