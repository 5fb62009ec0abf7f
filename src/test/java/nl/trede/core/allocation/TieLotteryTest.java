package nl.trede.core.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TieLotteryTest {

    private static final int NOTHING = Allocation.NOTHING;

    /**
     * Two places of one offer; clients 0 and 1 got them, tied with nothing; 2 and 3 got nothing, tied with
     * the offer; 4 got a place and is no tie; 5 got nothing and is no tie.
     */
    private static final List<Allocation.Placement> SOLVED = List.of(new Allocation.Placement(0, true, NOTHING),
            new Allocation.Placement(0, true, NOTHING), new Allocation.Placement(NOTHING, true, 0),
            new Allocation.Placement(NOTHING, true, 0), new Allocation.Placement(0, false, NOTHING),
            new Allocation.Placement(NOTHING, false, NOTHING));

    @Test
    void theTiedPlacesAreDrawnAmongThePoolAndNothingElseMoves() {
        AllocationProblem problem = problem(List.of());
        int[] placed = new int[6];
        int draws = 4_000;
        Random random = new Random(7);
        for (int d = 0; d < draws; d++) {
            TieLottery.Drawn drawn = TieLottery.draw(problem, solved(problem), random).orElseThrow();
            List<Allocation.Placement> p = drawn.allocation().placements();
            assertEquals(3, p.stream().filter(x -> x.offer() == 0).count(), "as many places as the solver used");
            assertEquals(0, p.get(4).offer(), "no tie: kept");
            assertEquals(NOTHING, p.get(5).offer(), "no tie: kept");
            for (int i = 0; i < 4; i++) {
                assertEquals(0.5, drawn.probability()[i], 1e-12, "2 places among 4: each held or lost with probability 1/2");
                placed[i] += p.get(i).offer() == 0 ? 1 : 0;
            }
            assertTrue(Double.isNaN(drawn.probability()[4]) && Double.isNaN(drawn.probability()[5]));
            double total = 0;
            for (int i = 0; i < 6; i++) {
                total += p.get(i).offer() == 0 ? problem.candidates().get(i).effect()[0] : 0;
            }
            assertEquals(total, drawn.allocation().totalEffect(), 1e-9, "the total is the drawn allocation's");
            assertArrayEquals(new int[] {3}, drawn.allocation().placesUsed());
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5, placed[i] / (double) draws, 0.03, "client " + i + " gets a place half the time");
        }
    }

    @Test
    void withAGroupLimitNothingIsDrawn() {
        AllocationProblem problem = problem(List.of(new GroupLimit("GENDER", "FEMALE", 0.8, 0)));
        assertTrue(TieLottery.draw(problem, solved(problem), new Random(1)).isEmpty());
    }

    private static AllocationProblem problem(List<GroupLimit> limits) {
        List<Candidate> candidates = new ArrayList<>();
        double[] effects = {4.0, 3.9, 3.8, 3.7, 9.0, 0.5};
        for (int i = 0; i < effects.length; i++) {
            candidates.add(new Candidate("c" + i, new double[] {effects[i]}, new double[] {effects[i] - 3}, new double[] {effects[i] + 3},
                    Map.of("GENDER", i % 2 == 0 ? "FEMALE" : "MALE")));
        }
        return new AllocationProblem(List.of(new Offer("WAGE_SUBSIDY", 3, 1000)), 10_000, candidates, limits);
    }

    private static Allocation solved(AllocationProblem problem) {
        return Allocation.of(SOLVED, problem.candidates(), 17, new double[] {3.7}, 0, new double[0], new int[] {3}, 3000);
    }
}
