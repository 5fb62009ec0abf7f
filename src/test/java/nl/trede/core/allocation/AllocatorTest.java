package nl.trede.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    private final Allocator allocator = new Allocator();

    private static Candidate client(String id, double... effects) {
        double[] lower = new double[effects.length];
        double[] upper = new double[effects.length];
        for (int o = 0; o < effects.length; o++) {
            lower[o] = effects[o] - 0.5;
            upper[o] = effects[o] + 0.5;
        }
        return new Candidate(id, effects, lower, upper, null);
    }

    @Test
    void theScarcePlaceGoesToWhoGainsMostAndTheOthersToTheirNextBest() {
        // One wage-subsidy place, two training places; a gains most from the subsidy, but b gains nothing from training.
        List<Offer> offers = List.of(new Offer("WAGE_SUBSIDY", 1, 8000), new Offer("VOCATIONAL_TRAINING", 2, 4600));
        List<Candidate> cohort = List.of(client("a", 6, 5), client("b", 5, Double.NaN), client("c", 1, 2));
        Allocation allocation = allocator.solve(new AllocationProblem(offers, 1e6, cohort, List.of()));
        assertEquals(List.of(1, 0, 1), allocation.placements().stream().map(Allocation.Placement::offer).toList());
        assertEquals(12, allocation.totalEffect(), 1e-9);
        assertEquals(10.5, allocation.totalLower(), 1e-9);
        assertEquals(13.5, allocation.totalUpper(), 1e-9);
        assertEquals(allocation.bound(), allocation.totalEffect(), 1e-9);
        assertEquals(17200, allocation.costEuros(), 1e-9);
    }

    @Test
    void theBudgetBindsAndItsPriceIsWhatAnotherEuroBuys() {
        List<Offer> offers = List.of(new Offer("JOB_COACHING", 10, 3000));
        List<Candidate> cohort = List.of(client("a", 4), client("b", 3), client("c", 2));
        AllocationProblem problem = new AllocationProblem(offers, 6000, cohort, List.of());
        Allocation allocation = allocator.solve(problem);
        assertEquals(2, allocation.treated());
        assertEquals(7, allocation.totalEffect(), 1e-9);
        assertTrue(allocation.costEuros() <= 6000);
        // The third client's 2 pp for 3,000 euros: about 0.00067 pp per euro.
        assertEquals(2.0 / 3000, allocation.budgetPrice(), 1e-9);
        assertEquals(0, allocation.placePrices()[0], 1e-9);
    }

    @Test
    void aPlacesPriceIsWhatOneMorePlaceAdds() {
        List<Offer> offers = List.of(new Offer("WAGE_SUBSIDY", 2, 8000));
        List<Candidate> cohort = List.of(client("a", 6), client("b", 5), client("c", 4), client("d", 1));
        Allocation two = allocator.solve(new AllocationProblem(offers, 1e6, cohort, List.of()));
        Allocation three = allocator.solve(new AllocationProblem(List.of(new Offer("WAGE_SUBSIDY", 3, 8000)), 1e6, cohort, List.of()));
        assertEquals(three.totalEffect() - two.totalEffect(), two.placePrices()[0], 1e-9);
        assertEquals(2, two.placesUsed()[0]);
    }

    @Test
    void clientsWhoseRivalsAreWithinTheNoiseAreNearTies() {
        List<Offer> offers = List.of(new Offer("WAGE_SUBSIDY", 1, 8000));
        // a and b compete for one place with effects 0.3 pp apart (noise ±0.5 each); c is far behind.
        List<Candidate> cohort = List.of(client("a", 6.0), client("b", 5.7), client("c", 1.0));
        Allocation allocation = allocator.solve(new AllocationProblem(offers, 1e6, cohort, List.of()));
        assertEquals(0, allocation.placements().get(0).offer());
        assertTrue(allocation.placements().get(0).nearTie());
        assertTrue(allocation.placements().get(1).nearTie());
        assertEquals(0, allocation.placements().get(1).rival());
        assertFalse(allocation.placements().get(2).nearTie());
    }

    private static Candidate member(String id, String gender, double effect) {
        return new Candidate(id, new double[] {effect}, new double[] {effect - 1}, new double[] {effect + 1},
                gender == null ? Map.of() : Map.of("GENDER", gender));
    }

    @Test
    void aGroupLimitMovesPlacesToTheGroupAndItsCostIsReported() {
        List<Offer> offers = List.of(new Offer("JOB_COACHING", 2, 3000));
        List<Candidate> cohort = List.of(member("a", "MALE", 5), member("b", "MALE", 4), member("c", "FEMALE", 3), member("d", "FEMALE", 1));
        GroupLimit fair = new GroupLimit("GENDER", "FEMALE", 1.0, Allocation.NOTHING);
        AllocationProblem problem = new AllocationProblem(offers, 1e6, cohort, List.of(fair));
        Allocation allocation = allocator.solve(problem);
        // FEMALE is half the cohort, so it must get at least half the places: c instead of b.
        assertEquals(List.of(0, -1, 0, -1), allocation.placements().stream().map(Allocation.Placement::offer).toList());
        assertEquals(1.0, allocator.costOfLimits(problem)[0], 1e-9);
    }

    @Test
    void clientsWithoutTheAttributeCountNeitherForNorAgainstALimitOfOneIntervention() {
        // Two offers; the limit is on WAGE_SUBSIDY alone. e and f have no recorded gender.
        List<Offer> offers = List.of(new Offer("WAGE_SUBSIDY", 2, 8000), new Offer("JOB_COACHING", 2, 3000));
        List<Candidate> cohort = List.of(
                new Candidate("a", new double[] {6, 1}, new double[] {5, 0}, new double[] {7, 2}, Map.of("GENDER", "MALE")),
                new Candidate("b", new double[] {5, 1}, new double[] {4, 0}, new double[] {6, 2}, Map.of("GENDER", "MALE")),
                new Candidate("c", new double[] {2, 1}, new double[] {1, 0}, new double[] {3, 2}, Map.of("GENDER", "FEMALE")),
                new Candidate("e", new double[] {9, 1}, new double[] {8, 0}, new double[] {10, 2}, Map.of()),
                new Candidate("f", new double[] {1, 0.5}, new double[] {0, -0.5}, new double[] {2, 1.5}, Map.of()));
        AllocationProblem free = new AllocationProblem(offers, 1e6, cohort, List.of());
        AllocationProblem limited = new AllocationProblem(offers, 1e6, cohort, List.of(new GroupLimit("GENDER", "FEMALE", 0.9, 0)));
        // Without the limit: e and a get the subsidy. With it: FEMALE is a third of the recorded cohort, so among the
        // recorded subsidy recipients (e does not count) she needs at least 0.9 × 1/3: c gets a subsidy place instead of a.
        assertEquals(List.of(0, 1, 1, 0, -1), allocator.solve(free).placements().stream().map(Allocation.Placement::offer).toList());
        assertEquals(List.of(1, 1, 0, 0, -1), allocator.solve(limited).placements().stream().map(Allocation.Placement::offer).toList());
    }

    /** Random problems with a binding budget and two limits: the whole allocation keeps every limit, which an allocator ignoring them does not. */
    @Test
    void everyWholeAllocationKeepsItsGroupLimits() {
        Random random = new Random(11);
        int binding = 0;
        for (int trial = 0; trial < 100; trial++) {
            List<Offer> offers = List.of(new Offer("A", 3 + random.nextInt(5), 1000 + random.nextInt(3000)),
                    new Offer("B", 3 + random.nextInt(5), 1000 + random.nextInt(3000)));
            List<Candidate> cohort = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String gender = random.nextDouble() < 0.1 ? null : random.nextDouble() < 0.4 ? "FEMALE" : "MALE";
                // The group gains less on average: an allocator that ignores the limit gives it too few places.
                double shift = "FEMALE".equals(gender) ? -1.5 : 0;
                double[] e = {random.nextGaussian() * 2 + 2 + shift, random.nextGaussian() * 2 + 1.5 + shift};
                cohort.add(new Candidate("c" + i, e, new double[] {e[0] - 1, e[1] - 1}, new double[] {e[0] + 1, e[1] + 1},
                        gender == null ? Map.of() : Map.of("GENDER", gender)));
            }
            List<GroupLimit> limits = List.of(new GroupLimit("GENDER", "FEMALE", 0.8, Allocation.NOTHING),
                    new GroupLimit("GENDER", "FEMALE", 0.8, 0));
            AllocationProblem problem = new AllocationProblem(offers, 5000 + random.nextInt(15000), cohort, limits);
            Allocation allocation = allocator.solve(problem);
            assertFeasible(problem, allocation);
            int[] given = allocation.placements().stream().mapToInt(Allocation.Placement::offer).toArray();
            for (GroupLimit limit : limits) {
                assertTrue(holds(limit, cohort, given), "trial " + trial + ", limit on offer " + limit.offer());
            }
            int[] blind = allocator.solve(new AllocationProblem(offers, problem.budgetEuros(), cohort, List.of())).placements().stream()
                    .mapToInt(Allocation.Placement::offer).toArray();
            binding += holds(limits.get(0), cohort, blind) && holds(limits.get(1), cohort, blind) ? 0 : 1;
        }
        assertTrue(binding >= 30, "the limits bind in " + binding + " of 100 problems");
    }

    /** The limit as its definition says, counted on the whole allocation. */
    private static boolean holds(GroupLimit limit, List<Candidate> cohort, int[] given) {
        double recorded = 0;
        double members = 0;
        double recipients = 0;
        double memberRecipients = 0;
        for (int i = 0; i < given.length; i++) {
            String group = cohort.get(i).groups().get(limit.attribute());
            if (group == null) {
                continue;
            }
            boolean member = group.equals(limit.group());
            recorded++;
            members += member ? 1 : 0;
            if (given[i] != Allocation.NOTHING && (limit.offer() == Allocation.NOTHING || limit.offer() == given[i])) {
                recipients++;
                memberRecipients += member ? 1 : 0;
            }
        }
        return recipients == 0 || memberRecipients / recipients >= limit.minimumRatio() * members / recorded - 1e-9;
    }

    @Test
    void theGainGrowsWithTheBudget() {
        List<Offer> offers = List.of(new Offer("JOB_COACHING", 10, 1000));
        List<Candidate> cohort = List.of(client("a", 4), client("b", 3), client("c", 2));
        double[] gains = allocator.gainAgainstBudget(new AllocationProblem(offers, 0, cohort, List.of()), new double[] {0, 1000, 2000, 5000});
        assertEquals(List.of(0.0, 4.0, 7.0, 9.0), List.of(gains[0], gains[1], gains[2], gains[3]));
    }

    /**
     * Against every whole allocation of small random problems (places, eligibility gaps, negative
     * effects and a binding budget): the proposal is feasible, no whole allocation beats the bound, and
     * the proposal is within the reported gap of the best.
     */
    @Test
    void noWholeAllocationBeatsTheProposalByMoreThanTheReportedGap() {
        Random random = new Random(7);
        int exact = 0;
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + random.nextInt(3);
            int n = 2 + random.nextInt(5);
            List<Offer> offers = new ArrayList<>();
            for (int o = 0; o < k; o++) {
                offers.add(new Offer("O" + o, random.nextInt(3), 500 + random.nextInt(4000)));
            }
            List<Candidate> cohort = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] e = new double[k];
                for (int o = 0; o < k; o++) {
                    e[o] = random.nextDouble() < 0.15 ? Double.NaN : random.nextGaussian() * 3 + 1;
                }
                cohort.add(client("c" + i, e));
            }
            AllocationProblem problem = new AllocationProblem(offers, random.nextInt(9000), cohort, List.of());
            Allocation allocation = allocator.solve(problem);
            double best = bestWholeAllocation(problem, 0, new int[k], 0);
            assertFeasible(problem, allocation);
            assertTrue(best <= allocation.bound() + 1e-6, "trial " + trial);
            assertTrue(allocation.totalEffect() <= best + 1e-6, "trial " + trial);
            assertTrue(best - allocation.totalEffect() <= allocation.bound() - allocation.totalEffect() + 1e-6, "trial " + trial);
            if (Math.abs(best - allocation.totalEffect()) < 1e-6) {
                exact++;
            }
        }
        assertTrue(exact >= 190, exact + " of 200 exact");
    }

    static void assertFeasible(AllocationProblem problem, Allocation allocation) {
        int[] used = new int[problem.offers().size()];
        double cost = 0;
        for (int i = 0; i < allocation.placements().size(); i++) {
            int o = allocation.placements().get(i).offer();
            if (o != Allocation.NOTHING) {
                assertTrue(problem.candidates().get(i).assignable(o));
                used[o]++;
                cost += problem.offers().get(o).costEuros();
            }
        }
        for (int o = 0; o < used.length; o++) {
            assertTrue(used[o] <= problem.offers().get(o).places(), "places of " + problem.offers().get(o).code());
        }
        assertTrue(cost <= problem.budgetEuros() + 1e-6, "budget");
    }

    private static double bestWholeAllocation(AllocationProblem p, int i, int[] used, double cost) {
        if (i == p.candidates().size()) {
            return 0;
        }
        double best = bestWholeAllocation(p, i + 1, used, cost);
        Candidate c = p.candidates().get(i);
        for (int o = 0; o < used.length; o++) {
            Offer offer = p.offers().get(o);
            if (c.assignable(o) && used[o] < offer.places() && cost + offer.costEuros() <= p.budgetEuros()) {
                used[o]++;
                best = Math.max(best, c.effect()[o] + bestWholeAllocation(p, i + 1, used, cost + offer.costEuros()));
                used[o]--;
            }
        }
        return best;
    }
}
