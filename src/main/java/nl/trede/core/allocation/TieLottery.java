package nl.trede.core.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The draw for an option's last places among the clients near-tied for them (issue 14, point 5):
 * where the model cannot tell whether this client or that one gains more from a place, a fair lottery
 * decides instead of a coin the solver flipped, and its known probabilities let a later evaluation
 * learn from the draw as from an experiment.
 *
 * <p>Per offer, the pool is the clients the {@link Allocator} gave a place who are near-tied with
 * getting nothing, and the clients it gave nothing who are near-tied with that offer. The places those
 * held are drawn uniformly among the pool: each member gets one with probability places / pool. Only a
 * place of one offer moves between two clients, so every offer's places used, the cost and the budget
 * stay as the solver left them. With group limits there is no draw: a swap could break a limit.
 */
public final class TieLottery {

    /**
     * The allocation after the draw.
     *
     * @param allocation  its placements and totals (places used, cost and prices as before)
     * @param probability per candidate, the probability with which the draw gave it what it now has; NaN outside every pool
     */
    public record Drawn(Allocation allocation, double[] probability) {
    }

    private TieLottery() {
    }

    /** The allocation after the draw; empty where the problem allows none (it has group limits). */
    public static Optional<Drawn> draw(AllocationProblem problem, Allocation allocation, Random random) {
        if (!problem.groupLimits().isEmpty()) {
            return Optional.empty();
        }
        int n = problem.candidates().size();
        double[] probability = new double[n];
        Arrays.fill(probability, Double.NaN);
        List<Allocation.Placement> placements = new ArrayList<>(allocation.placements());
        for (int o = 0; o < problem.offers().size(); o++) {
            List<Integer> pool = new ArrayList<>();
            int places = 0;
            for (int i = 0; i < n; i++) {
                Allocation.Placement p = placements.get(i);
                if (p.nearTie() && p.offer() == o && p.rival() == Allocation.NOTHING) {
                    pool.add(i);
                    places++;
                } else if (p.nearTie() && p.offer() == Allocation.NOTHING && p.rival() == o) {
                    pool.add(i);
                }
            }
            if (places == 0 || places == pool.size()) {
                continue; // nobody to draw between
            }
            Collections.shuffle(pool, random);
            for (int r = 0; r < pool.size(); r++) {
                int i = pool.get(r);
                boolean drawn = r < places;
                placements.set(i, new Allocation.Placement(drawn ? o : Allocation.NOTHING, true, drawn ? Allocation.NOTHING : o));
                probability[i] = drawn ? places / (double) pool.size() : 1 - places / (double) pool.size();
            }
        }
        return Optional.of(new Drawn(Allocation.of(placements, problem.candidates(), allocation.bound(), allocation.placePrices(),
                allocation.budgetPrice(), allocation.limitPrices(), allocation.placesUsed(), allocation.costEuros()), probability));
    }
}
