package nl.trede.core.causal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.trede.core.digest.Sha256;

/**
 * A fitted DR-learner: predicts one client's effect of every arm versus control with a 95 %
 * interval, says whether the client is on support for each arm, and blends with per-client priors
 * by the weight the selection chose. Immutable.
 *
 * <p>The client effect of arm k and its standard error come from the {@link FinalStage}: linear
 * ({@code z' b_k}, variance {@code z' V_kk z} from the joint sandwich covariance) or flexible (the
 * mean and standard deviation of the bootstrap replicates' trees). The covariance of two arms'
 * estimates comes from the same source and is what the tie rule uses.
 *
 * <p>Saved as JSON, not as a Tribuo protobuf: the file states exactly the coefficients or trees,
 * support thresholds and column names, which anyone can audit without Trede's code. Like every
 * model file it is checked against its SHA-256 on load ({@link #load(Path, String)}).
 *
 * @see DoublyRobustEstimator
 */
public final class DrLearnerModel {

    /** The file format written into every saved model. */
    public static final String FORMAT = "trede-dr-learner/2";

    private static final double Z95 = 1.959963984540054;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final State state;
    private final int columns;
    private final SupportRule supportRule;

    /**
     * The model's full content, as written to JSON.
     *
     * @param featureMeans      subtracted from each feature before use (linear models)
     * @param featureScales     divides each centred feature (1 for constant columns)
     * @param propensity        the propensity over all arms, refitted on all clients (support rule)
     * @param supportThresholds {@code [K]} propensity below which a client is off support
     * @param columnMin         {@code [K][p]} smallest value of each feature among the arm's clients
     * @param columnMax         {@code [K][p]} largest value
     * @param outcomes          {@code [K]} per-arm outcome models refitted on all clients (T-learner baseline)
     * @param finalStage        the client-level effects
     * @param provenance        settings, the models chosen and why, sample sizes, data hash: key/value pairs
     */
    public record State(String format, OutcomeType outcomeType, List<String> armNames, List<String> featureNames,
                        double[] featureMeans, double[] featureScales, Nuisance propensity, double[] supportThresholds,
                        double[][] columnMin, double[][] columnMax, List<Nuisance> outcomes, FinalStage finalStage,
                        Map<String, String> provenance) {
    }

    /** Whether a client is on support for the comparison of an arm with control, and if not why. */
    public record Support(boolean onSupport, String note) {
    }

    /** Builds a model from its content, checking the shapes agree. */
    public DrLearnerModel(State state) {
        if (!FORMAT.equals(state.format())) {
            throw new IllegalArgumentException("not a " + FORMAT + " model: " + state.format());
        }
        int arms = state.armNames().size();
        int p = state.featureNames().size();
        this.columns = p + 1;
        FinalStage f = state.finalStage();
        boolean ok = state.featureMeans().length == p && state.featureScales().length == p
                && state.supportThresholds().length == arms
                && state.columnMin().length == arms && state.columnMax().length == arms
                && state.outcomes().size() == arms
                && (f.linear() ? f.coefficients().length == arms - 1 && f.covariance().length == (arms - 1) * columns
                        : f.replicates().size() == arms - 1);
        if (!ok) {
            throw new IllegalArgumentException("model arrays do not match " + arms + " arms and " + p + " features");
        }
        this.state = state;
        this.supportRule = new SupportRule(state.armNames(), state.featureNames(), state.supportThresholds(),
                state.columnMin(), state.columnMax());
    }

    /** The same model with more provenance (e.g. the data's hash and how its columns were encoded). */
    public DrLearnerModel withProvenance(Map<String, String> extra) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(state.provenance());
        merged.putAll(extra);
        return new DrLearnerModel(new State(state.format(), state.outcomeType(), state.armNames(), state.featureNames(),
                state.featureMeans(), state.featureScales(), state.propensity(), state.supportThresholds(),
                state.columnMin(), state.columnMax(), state.outcomes(), state.finalStage(), merged));
    }

    public State state() {
        return state;
    }

    public OutcomeType outcomeType() {
        return state.outcomeType();
    }

    /** Arm names, the control first. */
    public List<String> armNames() {
        return state.armNames();
    }

    public List<String> featureNames() {
        return state.featureNames();
    }

    /** Estimated probability of receiving each arm for a client with these (raw) features. */
    public double[] propensities(double[] x) {
        return propensities(x, standardise(x));
    }

    /**
     * Support rule: a client is on support for arm k (versus control) when the estimated propensity
     * of arm k and that of the control are both at least their thresholds
     * ({@code max(0.01, 0.1 x the arm's share)} by default, see {@link DoublyRobustEstimator.Settings}),
     * and every feature lies within the range seen among the clients who got arm k and among
     * those who got the control. The range check catches regions no comparable client reached (an
     * unseen category, an age beyond any treated client) that a smooth propensity model would
     * extrapolate into.
     */
    public Support support(double[] x, int arm) {
        return supportRule.check(x, propensities(x), arm);
    }

    /** This client's effects without priors: all data. */
    public ClientEffects predict(double[] x) {
        return predict(x, new Prior[armNames().size()]);
    }

    /**
     * This client's effects, each blended with its prior by the weight s the selection chose
     * ({@link FinalStage#priorWeight()}): {@code estimate = (1-s) data + s prior}, with standard error
     * {@code sqrt((1-s)^2 sd_data^2 + s^2 sd_prior^2)} (the prior's error counted as independent of
     * the data's); {@code priorShare} is s.
     *
     * @param priors indexed by arm; entry 0 (control) is ignored; a null entry means no prior (all data)
     */
    public ClientEffects predict(double[] x, Prior[] priors) {
        int arms = armNames().size();
        if (priors.length != arms) {
            throw new IllegalArgumentException("need one prior slot per arm (" + arms + ")");
        }
        double[] z = standardise(x);
        double[] e = propensities(x, z);
        double[] estimate = new double[arms];
        double[][] dataCovariance = new double[arms][arms];
        dataEffects(x, z, estimate, dataCovariance);
        List<ArmEffect> effects = new ArrayList<>();
        for (int k = 1; k < arms; k++) {
            Support support = supportRule.check(x, e, k);
            effects.add(combine(k, support, estimate[k], Math.sqrt(Math.max(0, dataCovariance[k][k])), priors[k]));
        }
        return new ClientEffects(effects, dataCovariance);
    }

    /** The final stage's estimates (NaN for an arm it was not fitted for) and their covariance, arm 0 all zero. */
    private void dataEffects(double[] x, double[] z, double[] estimate, double[][] covariance) {
        FinalStage f = state.finalStage();
        int arms = estimate.length;
        if (f.linear()) {
            for (int j = 1; j < arms; j++) {
                estimate[j] = Matrices.dot(f.coefficients()[j - 1], z);
                for (int k = j; k < arms; k++) {
                    double c = Matrices.quadraticForm(z, f.covariance(), (j - 1) * columns, (k - 1) * columns, z);
                    covariance[j][k] = c;
                    covariance[k][j] = c;
                }
            }
            return;
        }
        int replicates = 0;
        for (List<BoostedTrees.Ensemble> bag : f.replicates()) {
            replicates = Math.max(replicates, bag.size());
        }
        double[][] draws = new double[arms][replicates];
        for (int k = 1; k < arms; k++) {
            List<BoostedTrees.Ensemble> bag = f.replicates().get(k - 1);
            if (bag.isEmpty()) {
                estimate[k] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int b = 0; b < bag.size(); b++) {
                draws[k][b] = bag.get(b).margin(x);
                sum += draws[k][b];
            }
            estimate[k] = sum / bag.size();
        }
        for (int j = 1; j < arms; j++) {
            for (int k = j; k < arms; k++) {
                if (Double.isNaN(estimate[j]) || Double.isNaN(estimate[k])) {
                    continue;
                }
                double c = 0;
                for (int b = 0; b < replicates; b++) {
                    c += (draws[j][b] - estimate[j]) * (draws[k][b] - estimate[k]);
                }
                c /= replicates - 1;
                covariance[j][k] = c;
                covariance[k][j] = c;
            }
        }
    }

    private ArmEffect combine(int arm, Support support, double data, double dataSd, Prior prior) {
        String name = armNames().get(arm);
        if (!support.onSupport() || Double.isNaN(data)) {
            String note = support.onSupport() ? "no client-level effect was fitted for " + name : support.note();
            if (prior == null) {
                return new ArmEffect(arm, name, false, note, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, EffectSource.LEARNED);
            }
            return new ArmEffect(arm, name, false, note, prior.mean(), prior.mean() - Z95 * prior.sd(),
                    prior.mean() + Z95 * prior.sd(), prior.sd(), Double.NaN, Double.NaN, 1.0, EffectSource.PRIOR);
        }
        if (prior == null) {
            return new ArmEffect(arm, name, true, "", data, data - Z95 * dataSd, data + Z95 * dataSd, dataSd,
                    data, dataSd, 0, EffectSource.LEARNED);
        }
        double s = state.finalStage().priorWeight();
        double estimate = (1 - s) * data + s * prior.mean();
        double sd = Math.sqrt((1 - s) * (1 - s) * dataSd * dataSd + s * s * prior.sd() * prior.sd());
        return new ArmEffect(arm, name, true, "", estimate, estimate - Z95 * sd, estimate + Z95 * sd, sd,
                data, dataSd, s, s > 0 ? EffectSource.BLEND : EffectSource.LEARNED);
    }

    /**
     * How much each feature moves this client's learned (data) effect of an arm away from the
     * average client's, in the outcome's units: {@code b_c z_c} for a linear final stage, the trees'
     * path contributions averaged over the replicates for a flexible one.
     */
    public double[] contributions(double[] x, int arm) {
        FinalStage f = state.finalStage();
        double[] out = new double[columns - 1];
        if (f.linear()) {
            double[] z = standardise(x);
            for (int c = 0; c < out.length; c++) {
                out[c] = f.coefficients()[arm - 1][c + 1] * z[c + 1];
            }
            return out;
        }
        List<BoostedTrees.Ensemble> bag = f.replicates().get(arm - 1);
        for (BoostedTrees.Ensemble e : bag) {
            e.contributions(x, out);
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= Math.max(1, bag.size());
        }
        return out;
    }

    /**
     * The T-learner baseline: predicted outcome under arm k minus under control, from separate
     * per-arm outcome models fitted on all data. No interval, no support check.
     */
    public double tLearnerEffect(double[] x, int arm) {
        double[] z = standardise(x);
        return state.outcomes().get(arm).mean(outcomeType(), x, z) - state.outcomes().get(0).mean(outcomeType(), x, z);
    }

    double[] standardise(double[] x) {
        if (x.length != columns - 1) {
            throw new IllegalArgumentException("expected " + (columns - 1) + " features, got " + x.length);
        }
        double[] z = new double[columns];
        z[0] = 1;
        for (int c = 0; c < x.length; c++) {
            z[c + 1] = (x[c] - state.featureMeans()[c]) / state.featureScales()[c];
        }
        return z;
    }

    private double[] propensities(double[] x, double[] z) {
        double[] e = new double[armNames().size()];
        state.propensity().probabilities(x, z, e);
        return e;
    }

    /** The model as JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(state);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the model", e);
        }
    }

    /** A model from JSON text written by {@link #toJson()}. */
    public static DrLearnerModel fromJson(String json) throws IOException {
        return new DrLearnerModel(JSON.readValue(json, State.class));
    }

    /** Writes the model as JSON and returns the file's SHA-256 (for the model card and the loader). */
    public String save(Path file) throws IOException {
        Files.writeString(file, toJson());
        return Sha256.hex(file);
    }

    /** Loads a saved model, refusing a file whose SHA-256 is not the expected one. */
    public static DrLearnerModel load(Path file, String expectedSha256) throws IOException {
        String actual = Sha256.hex(file);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new IOException("SHA-256 of " + file + " is " + actual + ", expected " + expectedSha256);
        }
        return fromJson(Files.readString(file));
    }

}
