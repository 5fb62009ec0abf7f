package nl.trede.core.allocation;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Solves an {@link AllocationProblem} as a linear program with Google OR-Tools' GLOP (a maintained
 * simplex solver), then rounds its few fractional places.
 *
 * <p>Without the budget and the group limits the program is a transportation problem, whose
 * constraint matrix is totally unimodular: its simplex optimum gives whole places. Each extra row
 * (the budget, a group limit) can leave a handful of clients with fractional places at the optimum
 * vertex. Those clients get, in order of their share of the relaxed total, the best offer that still
 * has a place and fits the remaining budget, else nothing. The relaxed optimum ({@link Allocation#bound})
 * is an upper bound for every whole allocation, so {@code bound - totalEffect} bounds the loss of
 * the rounding: the proposal is optimal up to that gap, which the run reports. (A full integer
 * program was measured first: OR-Tools' CBC took 5 s and SCIP 60 s for 2,000 clients, against GLOP's
 * 0.3 s; ojAlgo's pure-Java simplex 12 s for 500.)
 *
 * <p>The shadow prices are the program's dual values: what one more place, one more euro or a
 * looser group limit would add, valid for a small change (a whole extra place adds at most its price).
 *
 * <p>The interval of the total is the sum of the clients' lower and of their upper 95 % bounds. The
 * estimates share the effect model's fitted coefficients, so their errors are correlated and no
 * covariance is known; whatever the correlation, the standard deviation of a sum is at most the sum
 * of the standard deviations, so this interval covers at least 95 % (under normal errors), where
 * treating the clients as independent would claim a far narrower one. It does not correct for
 * choosing the largest estimates (the winner's curse), which makes the total optimistic.
 */
public final class Allocator {

    static final double Z95 = 1.959964;

    /** Below this a variable is zero, above one minus it whole: GLOP's primal values carry rounding noise. */
    private static final double INTEGRAL = 1e-6;

    static {
        Loader.loadNativeLibraries();
    }

    /** The optimal allocation of the problem. */
    public Allocation solve(AllocationProblem problem) {
        try (Program program = new Program(problem)) {
            return program.solve();
        }
    }

    /** The total expected effect of the optimal allocation at each budget, the rest of the problem as it is. */
    public double[] gainAgainstBudget(AllocationProblem problem, double[] budgets) {
        double[] gains = new double[budgets.length];
        try (Program program = new Program(problem)) {
            for (int b = 0; b < budgets.length; b++) {
                program.budget.setUb(budgets[b]);
                gains[b] = program.solve().totalEffect();
            }
        }
        return gains;
    }

    /** Per group limit, what it costs: the optimal total without that limit minus the total with every limit. */
    public double[] costOfLimits(AllocationProblem problem) {
        double[] costs = new double[problem.groupLimits().size()];
        try (Program program = new Program(problem)) {
            double withAll = program.solve().totalEffect();
            for (int g = 0; g < costs.length; g++) {
                program.limits[g].setLb(Double.NEGATIVE_INFINITY);
                program.active[g] = false;
                costs[g] = program.solve().totalEffect() - withAll;
                program.limits[g].setLb(0);
                program.active[g] = true;
            }
        }
        return costs;
    }

    /** The linear program of one problem, kept so that its bounds can be changed and it re-solved from its last basis. */
    private static final class Program implements AutoCloseable {

        private final AllocationProblem problem;
        private final MPSolver solver = MPSolver.createSolver("GLOP");
        /** Per candidate and offer, its variable; null where the offer is not assignable or would not help. */
        private final MPVariable[][] x;
        private final MPConstraint[] clients;
        private final MPConstraint[] places;
        private final MPConstraint budget;
        private final MPConstraint[] limits;
        /** Per group limit, the cohort's clients with the attribute recorded, and those of the group. */
        private final double[] recorded;
        private final double[] groupSizes;
        /** Per group limit, whether it is imposed (off while its cost is measured). */
        private final boolean[] active;

        Program(AllocationProblem problem) {
            this.problem = problem;
            List<Offer> offers = problem.offers();
            List<Candidate> candidates = problem.candidates();
            int n = candidates.size();
            int k = offers.size();
            x = new MPVariable[n][k];
            clients = new MPConstraint[n];
            places = new MPConstraint[k];
            for (int o = 0; o < k; o++) {
                places[o] = solver.makeConstraint(0, offers.get(o).places());
            }
            budget = solver.makeConstraint(0, problem.budgetEuros());
            List<GroupLimit> groupLimits = problem.groupLimits();
            limits = new MPConstraint[groupLimits.size()];
            active = new boolean[limits.length];
            java.util.Arrays.fill(active, true);
            recorded = new double[limits.length];
            groupSizes = new double[limits.length];
            for (int g = 0; g < limits.length; g++) {
                limits[g] = solver.makeConstraint(0, Double.POSITIVE_INFINITY);
                GroupLimit limit = groupLimits.get(g);
                recorded[g] = candidates.stream().filter(limit::recorded).count();
                groupSizes[g] = candidates.stream().filter(limit::member).count();
            }
            MPObjective objective = solver.objective();
            objective.setMaximization();
            for (int i = 0; i < n; i++) {
                Candidate c = candidates.get(i);
                clients[i] = solver.makeConstraint(0, 1);
                for (int o = 0; o < k; o++) {
                    // An offer without a positive effect never beats giving nothing, which uses no place and no money.
                    if (!c.assignable(o) || c.effect()[o] <= 0) {
                        continue;
                    }
                    MPVariable v = solver.makeNumVar(0, 1, "");
                    x[i][o] = v;
                    objective.setCoefficient(v, c.effect()[o]);
                    clients[i].setCoefficient(v, 1);
                    places[o].setCoefficient(v, 1);
                    budget.setCoefficient(v, offers.get(o).costEuros());
                    for (int g = 0; g < limits.length; g++) {
                        GroupLimit limit = groupLimits.get(g);
                        double a = coefficient(g, c, o);
                        if (a != 0) {
                            limits[g].setCoefficient(v, a);
                        }
                    }
                }
            }
        }

        Allocation solve() {
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                // Giving nothing to anyone is feasible for every place limit, budget and group limit, so this is the solver's failure.
                throw new IllegalStateException("The linear solver did not find the optimum: " + status);
            }
            List<Candidate> candidates = problem.candidates();
            List<Offer> offers = problem.offers();
            int n = candidates.size();
            int k = offers.size();
            int[] offerOf = new int[n];
            int[] used = new int[k];
            double cost = 0;
            List<Integer> fractional = new ArrayList<>();
            double[] relaxedValue = new double[n];
            for (int i = 0; i < n; i++) {
                offerOf[i] = Allocation.NOTHING;
                boolean partial = false;
                for (int o = 0; o < k; o++) {
                    if (x[i][o] == null) {
                        continue;
                    }
                    double value = x[i][o].solutionValue();
                    relaxedValue[i] += value * candidates.get(i).effect()[o];
                    if (value > 1 - INTEGRAL) {
                        offerOf[i] = o;
                        used[o]++;
                        cost += offers.get(o).costEuros();
                    } else if (value > INTEGRAL) {
                        partial = true;
                    }
                }
                if (partial && offerOf[i] == Allocation.NOTHING) {
                    fractional.add(i);
                }
            }
            fractional.sort(Comparator.comparingDouble((Integer i) -> -relaxedValue[i]));
            double[] lhs = new double[limits.length];
            for (int g = 0; g < limits.length; g++) {
                lhs[g] = limitSide(g, offerOf);
            }
            for (int i : fractional) {
                Candidate c = candidates.get(i);
                int best = Allocation.NOTHING;
                for (int o = 0; o < k; o++) {
                    if (x[i][o] != null && used[o] < offers.get(o).places()
                            && cost + offers.get(o).costEuros() <= problem.budgetEuros() && keepsLimits(lhs, c, o)
                            && (best == Allocation.NOTHING || c.effect()[o] > c.effect()[best])) {
                        best = o;
                    }
                }
                if (best != Allocation.NOTHING) {
                    offerOf[i] = best;
                    used[best]++;
                    cost += offers.get(best).costEuros();
                    for (int g = 0; g < limits.length; g++) {
                        lhs[g] += coefficient(g, c, best);
                    }
                }
            }
            cost -= repairLimits(offerOf, used);
            return result(offerOf, used, cost);
        }

        /** A group limit's left-hand side for one client given one offer: its row of the program. */
        private double coefficient(int g, Candidate c, int offer) {
            GroupLimit limit = problem.groupLimits().get(g);
            if (!limit.counts(offer) || !limit.recorded(c)) {
                return 0;
            }
            return (limit.member(c) ? recorded[g] : 0) - limit.minimumRatio() * groupSizes[g];
        }

        /**
         * The rounding can leave a group limit short by a client or two: take the place of the recorded
         * non-member with the smallest effect that a short limit counts, until every limit holds (each
         * removal raises that limit's left-hand side, and with no non-member left it holds; the number of
         * recipients falls, so this ends). Returns the cost freed.
         */
        private double repairLimits(int[] offerOf, int[] used) {
            List<Candidate> candidates = problem.candidates();
            double freed = 0;
            for (int g = shortLimit(offerOf); g >= 0; g = shortLimit(offerOf)) {
                int weakest = -1;
                for (int i = 0; i < offerOf.length; i++) {
                    if (offerOf[i] != Allocation.NOTHING && coefficient(g, candidates.get(i), offerOf[i]) < 0
                            && (weakest < 0 || candidates.get(i).effect()[offerOf[i]] < candidates.get(weakest).effect()[offerOf[weakest]])) {
                        weakest = i;
                    }
                }
                used[offerOf[weakest]]--;
                freed += problem.offers().get(offerOf[weakest]).costEuros();
                offerOf[weakest] = Allocation.NOTHING;
            }
            return freed;
        }

        /** Giving the client the offer breaks no imposed group limit that held, nor pushes one that is short further. */
        private boolean keepsLimits(double[] lhs, Candidate c, int offer) {
            for (int g = 0; g < limits.length; g++) {
                double a = coefficient(g, c, offer);
                if (active[g] && a < 0 && lhs[g] + a < -INTEGRAL) {
                    return false;
                }
            }
            return true;
        }

        /** A group limit's left-hand side for a whole allocation. */
        private double limitSide(int g, int[] offerOf) {
            double lhs = 0;
            for (int i = 0; i < offerOf.length; i++) {
                lhs += offerOf[i] == Allocation.NOTHING ? 0 : coefficient(g, problem.candidates().get(i), offerOf[i]);
            }
            return lhs;
        }

        /** An imposed group limit the whole allocation breaks, or -1. */
        private int shortLimit(int[] offerOf) {
            for (int g = 0; g < limits.length; g++) {
                if (active[g] && limitSide(g, offerOf) < -INTEGRAL) {
                    return g;
                }
            }
            return -1;
        }

        private Allocation result(int[] offerOf, int[] used, double cost) {
            List<Candidate> candidates = problem.candidates();
            int k = problem.offers().size();
            List<Allocation.Placement> placements = new ArrayList<>(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                placements.add(placement(i, offerOf[i]));
            }
            double[] placePrices = new double[k];
            for (int o = 0; o < k; o++) {
                placePrices[o] = places[o].dualValue();
            }
            double[] limitPrices = Arrays.stream(limits).mapToDouble(MPConstraint::dualValue).toArray();
            return Allocation.of(placements, candidates, solver.objective().value(), placePrices, budget.dualValue(), limitPrices, used,
                    cost);
        }

        /**
         * The client's proposal and its nearest rival. At the optimum every offer has a price (the dual
         * values of its place limit, the budget and the group limits): an offer's net value for this
         * client is its effect minus those prices, the reduced cost plus the client's own dual value;
         * giving nothing is worth 0 net. The proposal has the largest net value; it is a near-tie when
         * the next largest lies within the 95 % noise of the difference of the two effects.
         */
        private Allocation.Placement placement(int i, int offer) {
            Candidate c = candidates(i);
            double own = clients[i].dualValue();
            double proposed = offer == Allocation.NOTHING ? 0 : net(i, offer, own);
            int rival = Allocation.NOTHING;
            double rivalNet = offer == Allocation.NOTHING ? Double.NEGATIVE_INFINITY : 0;
            for (int o = 0; o < x[i].length; o++) {
                if (x[i][o] != null && o != offer && net(i, o, own) > rivalNet) {
                    rival = o;
                    rivalNet = net(i, o, own);
                }
            }
            if (rivalNet == Double.NEGATIVE_INFINITY) {
                return new Allocation.Placement(offer, false, Allocation.NOTHING);
            }
            double seOwn = offer == Allocation.NOTHING ? 0 : c.standardError(offer);
            double seRival = rival == Allocation.NOTHING ? 0 : c.standardError(rival);
            boolean tied = proposed - rivalNet <= Z95 * Math.hypot(seOwn, seRival);
            return new Allocation.Placement(offer, tied, rival);
        }

        private double net(int i, int offer, double clientDual) {
            return x[i][offer].reducedCost() + clientDual;
        }

        private Candidate candidates(int i) {
            return problem.candidates().get(i);
        }

        @Override
        public void close() {
            solver.delete();
        }
    }
}
