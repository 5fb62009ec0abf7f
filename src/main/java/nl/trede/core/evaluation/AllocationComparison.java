package nl.trede.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import nl.trede.core.allocation.Allocation;
import nl.trede.core.allocation.AllocationProblem;
import nl.trede.core.allocation.Allocator;
import nl.trede.core.allocation.Candidate;
import nl.trede.core.allocation.Offer;

/**
 * The honest comparison of an allocation rule on clients whose decisions and outcomes are recorded:
 * the doubly robust ({@link PolicyValue}) number of clients in paid work had the places these clients
 * actually got been allocated by each rule, with influence-function 95 % intervals.
 *
 * <p>All four rules get the same places and budget: per offer, as many places as the klantmanagers
 * gave, and what those cost. The rules: the klantmanagers' own decisions; the proposal (the
 * {@link Allocator}'s optimum from the model's estimated effects); random allocation (each place,
 * in random order, to a random eligible client without one; the average of {@value #RANDOM_DRAWS}
 * draws); and "fill places by the largest average effect" (the offers in order of their average
 * estimated effect over the clients who can get them, each filled with the earliest such clients:
 * targeting by programme, not by client).
 *
 * <p>The klantmanagers' own value is what happened: the recorded outcomes' total, no model needed
 * (a doubly robust value of the logged decisions would add only weighting noise); each other rule's
 * gain over it is the mean, over the same clients, of its doubly robust score minus the recorded outcome.
 *
 * <p>Arms are 0 for nothing and {@code o + 1} for offer {@code o}. The values are valid when either
 * nuisance is right for these clients; the nuisances are those of the model that also made the
 * estimates, so an error in it can bias the proposal's value toward its own estimates, which
 * {@link Result#proposalPoorOverlapShare} bounds: the share of clients the proposal gives what
 * hardly anyone like them got, where the value is the outcome model's extrapolation.
 */
public final class AllocationComparison {

    /** Fewer recorded outcomes than this and no value is reported: an influence-function interval needs a sizeable sample. */
    public static final int MIN_OUTCOMES = 100;
    static final int RANDOM_DRAWS = 50;

    public enum Rule { KLANTMANAGERS, PROPOSAL, RANDOM, LARGEST_AVERAGE_EFFECT }

    /**
     * One client with a recorded decision and outcome.
     *
     * @param candidate   the model's estimated effects of each offer (NaN: cannot be given)
     * @param given       the offer the klantmanager gave, or {@link Allocation#NOTHING}
     * @param worked      the recorded outcome at the horizon
     * @param propensity  per arm, the chance of being given it (arm 0: nothing)
     * @param outcomeMean per arm, the expected outcome under it
     */
    public record Observed(Candidate candidate, int given, boolean worked, double[] propensity, double[] outcomeMean) {
    }

    /** One rule's expected number of clients in paid work, and its gain over the klantmanagers' own (same clients' scores). */
    public record Value(Rule rule, int treated, PolicyValue.Estimate placements, PolicyValue.Estimate gainOverKlantmanagers) {
    }

    public record Result(int clients, int[] places, double budgetEuros, List<Value> values, double proposalPoorOverlapShare) {
    }

    private AllocationComparison() {
    }

    /** @param offers the offers with their cost; their places are replaced by the klantmanagers' */
    public static Result compare(List<Offer> offers, List<Observed> clients, long seed) {
        int n = clients.size();
        int k = offers.size();
        int[] places = new int[k];
        int[] logged = new int[n];
        double budget = 0;
        for (int i = 0; i < n; i++) {
            int o = clients.get(i).given();
            logged[i] = o + 1;
            if (o != Allocation.NOTHING) {
                places[o]++;
                budget += offers.get(o).costEuros();
            }
        }
        List<Offer> used = IntStream.range(0, k).mapToObj(o -> new Offer(offers.get(o).code(), places[o], offers.get(o).costEuros())).toList();
        List<Candidate> candidates = clients.stream().map(Observed::candidate).toList();
        AllocationProblem problem = new AllocationProblem(used, budget, candidates, List.of());
        int[] proposal = new Allocator().solve(problem).placements().stream().mapToInt(p -> p.offer() + 1).toArray();
        int[] byAverage = largestAverageEffect(problem);

        PolicyValue pv = PolicyValue.of(logged, clients.stream().mapToDouble(c -> c.worked() ? 1 : 0).toArray(),
                clients.stream().map(Observed::propensity).toArray(double[][]::new),
                clients.stream().map(Observed::outcomeMean).toArray(double[][]::new));
        double[][] proposed = PolicyValue.deterministic(proposal, k + 1);
        double[][] random = random(problem, new Random(seed));
        double[][] average = PolicyValue.deterministic(byAverage, k + 1);
        List<Value> values = new ArrayList<>();
        PolicyValue.Estimate none = new PolicyValue.Estimate(0, 0, 0, 0);
        values.add(new Value(Rule.KLANTMANAGERS, (int) Arrays.stream(logged).filter(a -> a != 0).count(), times(pv.observed(), n), none));
        values.add(value(Rule.PROPOSAL, pv, proposed, n));
        values.add(value(Rule.RANDOM, pv, random, n));
        values.add(value(Rule.LARGEST_AVERAGE_EFFECT, pv, average, n));
        return new Result(n, places, budget, values, pv.poorOverlapShare(proposed));
    }

    private static Value value(Rule rule, PolicyValue pv, double[][] policy, int n) {
        int treated = (int) Math.round(Arrays.stream(policy).mapToDouble(row -> 1 - row[0]).sum());
        return new Value(rule, treated, times(pv.value(policy), n), times(pv.differenceFromObserved(policy), n));
    }

    /** A mean over clients as a total over them. */
    private static PolicyValue.Estimate times(PolicyValue.Estimate e, int n) {
        return new PolicyValue.Estimate(e.value() * n, e.standardError() * n, e.lower() * n, e.upper() * n);
    }

    /** Each place in random order to a random client who can get it and has nothing yet; averaged over draws. */
    static double[][] random(AllocationProblem problem, Random random) {
        int n = problem.candidates().size();
        int k = problem.offers().size();
        double[][] policy = new double[n][k + 1];
        List<Integer> slots = new ArrayList<>();
        for (int o = 0; o < k; o++) {
            for (int p = 0; p < problem.offers().get(o).places(); p++) {
                slots.add(o);
            }
        }
        for (int draw = 0; draw < RANDOM_DRAWS; draw++) {
            java.util.Collections.shuffle(slots, random);
            int[] given = new int[n];
            Arrays.fill(given, Allocation.NOTHING);
            for (int o : slots) {
                int[] free = IntStream.range(0, n).filter(i -> given[i] == Allocation.NOTHING && problem.candidates().get(i).assignable(o))
                        .toArray();
                if (free.length > 0) {
                    given[free[random.nextInt(free.length)]] = o;
                }
            }
            for (int i = 0; i < n; i++) {
                policy[i][given[i] + 1] += 1.0 / RANDOM_DRAWS;
            }
        }
        return policy;
    }

    /** The offers by their average estimated effect, best first, each filled with the earliest clients who can get it. */
    static int[] largestAverageEffect(AllocationProblem problem) {
        List<Candidate> candidates = problem.candidates();
        int k = problem.offers().size();
        double[] average = new double[k];
        for (int o = 0; o < k; o++) {
            int offer = o;
            average[o] = candidates.stream().filter(c -> c.assignable(offer)).mapToDouble(c -> c.effect()[offer]).average().orElse(0);
        }
        int[] arm = new int[candidates.size()];
        double cost = 0;
        for (int o : IntStream.range(0, k).boxed().sorted(Comparator.comparingDouble(o -> -average[o])).toList()) {
            Offer offer = problem.offers().get(o);
            int left = offer.places();
            for (int i = 0; i < arm.length && left > 0 && average[o] > 0; i++) {
                if (arm[i] == 0 && candidates.get(i).assignable(o) && cost + offer.costEuros() <= problem.budgetEuros() + 1e-6) {
                    arm[i] = o + 1;
                    left--;
                    cost += offer.costEuros();
                }
            }
        }
        return arm;
    }
}
