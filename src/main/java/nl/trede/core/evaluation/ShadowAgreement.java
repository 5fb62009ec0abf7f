package nl.trede.core.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far two model sets agree on the same clients: the distance category (share equal, and the
 * 4 × 4 table active × shadow), the mean difference in probability, and per horizon of the advice
 * whether the top option is the same and Kendall's tau between the two rankings. Add each client's
 * pair of answers, then read the {@link Summary}.
 */
public final class ShadowAgreement {

    /** The four distance categories, 1 (klaar voor werk) to 4 (grote afstand). */
    public static final int CATEGORIES = 4;

    /** Both sets' rankings (option codes, best first) of one client at one horizon. */
    public record Rankings(int horizonMonths, List<String> active, List<String> shadow) {
    }

    /** Both sets' answers for one client. */
    public record Pair(int activeCategory, int shadowCategory, double activeProbability, double shadowProbability,
                       List<Rankings> rankings) {
    }

    /** Agreement of the advice at one horizon: how many clients were compared there. */
    public record HorizonAgreement(int horizonMonths, int compared, double topAgreement, double meanKendallTau) {
    }

    /**
     * @param table                      {@code table[a - 1][s - 1]}: clients in category a by the active set and s by the shadow
     * @param meanProbabilityDifference  shadow minus active, as a probability (NaN without clients)
     */
    public record Summary(int clients, double categoryAgreement, long[][] table, double meanProbabilityDifference,
                          List<HorizonAgreement> advice) {
    }

    private final long[][] table = new long[CATEGORIES][CATEGORIES];
    private int clients;
    private int sameCategory;
    private double probabilityDifference;
    private final Map<Integer, Horizon> horizons = new TreeMap<>();

    private static final class Horizon {
        int compared;
        int sameTop;
        int withTau;
        double tauSum;
    }

    public void add(Pair pair) {
        clients++;
        table[pair.activeCategory() - 1][pair.shadowCategory() - 1]++;
        sameCategory += pair.activeCategory() == pair.shadowCategory() ? 1 : 0;
        probabilityDifference += pair.shadowProbability() - pair.activeProbability();
        for (Rankings r : pair.rankings()) {
            Horizon h = horizons.computeIfAbsent(r.horizonMonths(), k -> new Horizon());
            h.compared++;
            h.sameTop += r.active().get(0).equals(r.shadow().get(0)) ? 1 : 0;
            double tau = kendallTau(r.active(), r.shadow());
            if (!Double.isNaN(tau)) {
                h.withTau++;
                h.tauSum += tau;
            }
        }
    }

    public Summary summary() {
        long[][] copy = new long[CATEGORIES][];
        for (int a = 0; a < CATEGORIES; a++) {
            copy[a] = table[a].clone();
        }
        List<HorizonAgreement> advice = new ArrayList<>();
        horizons.forEach((months, h) -> advice.add(new HorizonAgreement(months, h.compared, share(h.sameTop, h.compared),
                h.withTau == 0 ? Double.NaN : h.tauSum / h.withTau)));
        return new Summary(clients, share(sameCategory, clients), copy,
                clients == 0 ? Double.NaN : probabilityDifference / clients, List.copyOf(advice));
    }

    /**
     * Kendall's tau between two rankings, over the options both rank (a catalogue change can add or
     * drop one): (concordant − discordant) / pairs. Rankings are strict orders, so tau-a is tau-b.
     * NaN when fewer than two options are common.
     */
    public static double kendallTau(List<String> a, List<String> b) {
        Map<String, Integer> positionInB = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            positionInB.put(b.get(i), i);
        }
        List<Integer> order = new ArrayList<>();
        for (String code : a) {
            Integer position = positionInB.get(code);
            if (position != null) {
                order.add(position);
            }
        }
        int n = order.size();
        if (n < 2) {
            return Double.NaN;
        }
        long concordant = 0;
        long discordant = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (order.get(i) < order.get(j)) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        return (concordant - discordant) / (n * (n - 1) / 2.0);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }
}
