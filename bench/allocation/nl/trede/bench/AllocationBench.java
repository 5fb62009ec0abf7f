package nl.trede.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.trede.core.allocation.Allocation;
import nl.trede.core.allocation.AllocationProblem;
import nl.trede.core.allocation.Allocator;
import nl.trede.core.allocation.Candidate;
import nl.trede.core.allocation.GroupLimit;
import nl.trede.core.allocation.Offer;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.recommend.Advice;
import nl.trede.core.recommend.RankedIntervention;
import nl.trede.core.recommend.Recommender;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;

/**
 * One allocation run's computing, timed step by step on the shipped effect model: every client's
 * advice (the effects the run allocates), the linear program, the gain-against-budget curve (8
 * budgets, as a run reports) and the cost of one fairness limit. Places for a fiftieth of the
 * cohort per option and a budget for two thirds of them, so that both bind. No database, no HTTP.
 *   java -cp ... nl.trede.bench.AllocationBench [clients] [repeats]
 */
public final class AllocationBench {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ModelArtefact artefact = ModelFiles.readActive(Path.of("models"), LearnedEffectModel.KIND);
        LearnedEffectModel effects = LearnedEffectModel.fromBytes(artefact.bytes(), artefact.card());
        Catalogue catalogue = Catalogue.STARTING;
        List<SimulatedClient> clients = new PopulationGenerator().generate(n, 20261201L).clients();
        List<Offer> offers = catalogue.interventions().stream().filter(i -> !i.isNone())
                .map(i -> new Offer(i.code(), n / 50, i.costEuros())).toList();
        double budget = offers.stream().mapToDouble(o -> o.places() * o.costEuros()).sum() * 2 / 3;
        Recommender recommender = new Recommender();
        Allocator allocator = new Allocator();
        System.out.printf("%d clients, %d options, %d places each, budget %.0f euros, %d cores%n", n, offers.size(), n / 50, budget,
                Runtime.getRuntime().availableProcessors());
        for (int r = 1; r <= repeats; r++) {
            long t0 = System.nanoTime();
            List<Candidate> candidates = new ArrayList<>(n);
            for (SimulatedClient c : clients) {
                Advice advice = recommender.recommend(c.profile(), effects.baselineChance(c.profile()), catalogue, effects, 12);
                candidates.add(candidate(String.valueOf(c.id()), advice, offers, c.id() % 2 == 0 ? "A" : "B"));
            }
            long t1 = System.nanoTime();
            AllocationProblem problem = new AllocationProblem(offers, budget, candidates, List.of());
            Allocation allocation = allocator.solve(problem);
            long t2 = System.nanoTime();
            double[] budgets = new double[8];
            for (int b = 0; b < budgets.length; b++) {
                budgets[b] = budget * b / 4;
            }
            allocator.gainAgainstBudget(problem, budgets);
            long t3 = System.nanoTime();
            allocator.costOfLimits(new AllocationProblem(offers, budget, candidates, List.of(new GroupLimit("GENDER", "B", 1.0, Allocation.NOTHING))));
            long t4 = System.nanoTime();
            System.out.printf("run %d: effects %.2f s, program %.2f s (%d treated, gap to bound %.4f placements), "
                            + "curve of 8 budgets %.2f s, one fairness limit with and without %.2f s; total %.2f s%n",
                    r, s(t1 - t0), s(t2 - t1), allocation.treated(), (allocation.bound() - allocation.totalEffect()) / 100,
                    s(t3 - t2), s(t4 - t3), s(t4 - t0));
        }
    }

    /** As the service builds it: an option without comparable history, or not eligible, cannot be given. */
    private static Candidate candidate(String id, Advice advice, List<Offer> offers, String group) {
        double[] e = new double[offers.size()];
        double[] lo = new double[offers.size()];
        double[] hi = new double[offers.size()];
        java.util.Arrays.fill(e, Double.NaN);
        java.util.Arrays.fill(lo, Double.NaN);
        java.util.Arrays.fill(hi, Double.NaN);
        for (RankedIntervention r : advice.ranked()) {
            for (int o = 0; o < offers.size(); o++) {
                if (offers.get(o).code().equals(r.intervention().code()) && r.effect().comparableHistory()) {
                    e[o] = r.effect().pointEstimate();
                    lo[o] = r.effect().lower();
                    hi[o] = r.effect().upper();
                }
            }
        }
        return new Candidate(id, e, lo, hi, Map.of("GENDER", group));
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }
}
