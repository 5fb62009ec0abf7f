package nl.trede.core.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The final stage's term search on confounded histories whose effect switches on at a cut-off, or
 * only for a combination of two characteristics: the linear final stage cannot represent either
 * and fails the test the searched one passes. And where the effect is the same for everyone the
 * search adds nothing.
 */
class TermSearchTest {

    private static final List<String> FEATURES = List.of("age", "drivingLicence", "careDuties", "motivation");
    /** As in the effect model: the linear final stage has a few named modifiers, the search may cut every column. */
    private static final int[] LINEAR = {0, 3};
    private static final List<TermSearch.Candidate> CANDIDATES = List.of(new TermSearch.Candidate(0, -1),
            new TermSearch.Candidate(1, -1), new TermSearch.Candidate(2, -1), new TermSearch.Candidate(3, -1));
    /** With the shipped effect model's final-stage penalty on the named modifiers (its 12-month setting). */
    private static final DoublyRobustEstimator ESTIMATOR = new DoublyRobustEstimator(withFinalPenalty(20_000));

    private static DoublyRobustEstimator.Settings withFinalPenalty(double lambda) {
        DoublyRobustEstimator.Settings d = DoublyRobustEstimator.Settings.defaults();
        return new DoublyRobustEstimator.Settings(d.folds(), d.seed(), d.propensityClip(), d.supportAbsolute(), d.supportRelative(),
                d.propensityLambda(), d.outcomeLambda(), lambda);
    }

    /** Age 18–67, licence 60 %, care duties 30 %, motivation 1–5; the motivated and licensed get the programme more often. */
    private record History(CausalData data, double[] trueEffect) {
    }

    private static History history(int n, long seed, ToDoubleFunction<double[]> effect) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] arm = new int[n];
        double[] y = new double[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = {18 + random.nextInt(50), random.nextDouble() < 0.6 ? 1 : 0, random.nextDouble() < 0.3 ? 1 : 0,
                    1 + random.nextInt(5)};
            x[i] = row;
            double treat = 1 / (1 + Math.exp(-(-1.2 + 0.35 * (row[3] - 3) + 0.6 * row[1])));
            arm[i] = random.nextDouble() < treat ? 1 : 0;
            double base = 1 / (1 + Math.exp(-(-1.4 + 0.3 * (row[3] - 3) - 0.02 * (row[0] - 40))));
            truth[i] = effect.applyAsDouble(row);
            y[i] = random.nextDouble() < base + arm[i] * truth[i] ? 1 : 0;
        }
        return new History(new CausalData(x, FEATURES, arm, y, List.of("NONE", "PROGRAMME")), truth);
    }

    private static double rmse(CausalFit fit, History h) {
        double squares = 0;
        for (int i = 0; i < h.data().size(); i++) {
            double error = fit.model().predict(h.data().features()[i]).effect(1).estimate() - h.trueEffect()[i];
            squares += error * error;
        }
        return Math.sqrt(squares / h.data().size());
    }

    /** The largest error of the average estimated effect in an age band: 18–24, 25–29, 30–39, 40–49, 50 and over. */
    private static double worstAgeBand(CausalFit fit, History h) {
        int[] from = {18, 25, 30, 40, 50, 68};
        double worst = 0;
        for (int band = 0; band + 1 < from.length; band++) {
            double error = 0;
            int count = 0;
            for (int i = 0; i < h.data().size(); i++) {
                double age = h.data().features()[i][0];
                if (age >= from[band] && age < from[band + 1]) {
                    error += fit.model().predict(h.data().features()[i]).effect(1).estimate() - h.trueEffect()[i];
                    count++;
                }
            }
            worst = Math.max(worst, Math.abs(error / count));
        }
        return worst;
    }

    @Test
    void aThresholdEffectIsFoundAtItsCutOffWhereTheLinearFinalStageMissesIt() {
        History h = history(12_000, 3, row -> row[0] < 30 ? 0.20 : 0.0);
        CausalFit linear = ESTIMATOR.fit(h.data(), LINEAR, new int[0]);
        CausalFit searched = ESTIMATOR.fit(h.data(), LINEAR, new int[0], CANDIDATES, 1);
        List<EffectTerm> terms = searched.model().state().effectTerms();
        System.out.printf(Locale.ROOT, "threshold: terms %s; client RMSE linear %.4f, searched %.4f; worst age band linear %.4f, "
                + "searched %.4f%n", terms, rmse(linear, h), rmse(searched, h), worstAgeBand(linear, h), worstAgeBand(searched, h));
        EffectTerm.Condition first = terms.get(0).conditions().get(0);
        assertEquals(0, first.column(), "the first term cuts age");
        assertTrue(first.cut() >= 27 && first.cut() <= 34, "the cut lies at the decile nearest 30: " + first.cut());
        assertTrue(worstAgeBand(searched, h) < 0.04, "the searched final stage gets every age band right");
        assertTrue(worstAgeBand(linear, h) > 0.08, "a linear final stage cannot");
        assertTrue(rmse(searched, h) < 0.75 * rmse(linear, h), "and the client effects are nearer the truth");
    }

    @Test
    void anEffectOfTwoCharacteristicsTogetherIsFoundAsTheirInteraction() {
        History h = history(12_000, 4, row -> row[1] == 1 && row[2] == 0 ? 0.18 : 0.0);
        CausalFit linear = ESTIMATOR.fit(h.data(), LINEAR, new int[0]);
        CausalFit searched = ESTIMATOR.fit(h.data(), LINEAR, new int[0], CANDIDATES, 1);
        List<EffectTerm> terms = searched.model().state().effectTerms();
        System.out.printf(Locale.ROOT, "interaction: terms %s; client RMSE linear %.4f, searched %.4f%n", terms,
                rmse(linear, h), rmse(searched, h));
        assertTrue(terms.stream().anyMatch(t -> t.conditions().size() == 2
                && t.conditions().stream().anyMatch(c -> c.column() == 1)
                && t.conditions().stream().anyMatch(c -> c.column() == 2)), "a term joins licence and care duties");
        assertTrue(rmse(searched, h) < 0.02, "the searched final stage recovers the client effects");
        assertTrue(rmse(linear, h) > 0.035, "a linear final stage cannot");
    }

    @Test
    void aConstantEffectGetsNoTerms() {
        History h = history(12_000, 5, row -> 0.08);
        CausalFit searched = ESTIMATOR.fit(h.data(), LINEAR, new int[0], CANDIDATES, 1);
        assertEquals(List.of(), searched.model().state().effectTerms(), "noise is not taken for a threshold");
    }

    /** A model file written before terms existed (format 1) still loads, and predicts as a model without terms. */
    @Test
    void aModelFileWithoutTermsStillLoads() throws Exception {
        History h = history(3_000, 6, row -> 0.05);
        CausalFit linear = ESTIMATOR.fit(h.data(), LINEAR, new int[0]);
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(linear.model().toJson());
        json.put("format", "trede-dr-learner/1");
        json.remove(List.of("effectTerms", "termMeans", "termScales"));
        DrLearnerModel old = DrLearnerModel.fromJson(json.toString());
        double[] client = h.data().features()[0];
        assertEquals(linear.model().predict(client).effect(1).estimate(), old.predict(client).effect(1).estimate(), 0);
        assertEquals(linear.model().predict(client).effect(1).sd(), old.predict(client).effect(1).sd(), 0);
    }
}
