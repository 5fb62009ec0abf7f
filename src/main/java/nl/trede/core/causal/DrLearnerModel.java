package nl.trede.core.causal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.trede.core.digest.Sha256;

/**
 * A fitted DR-learner: predicts one client's effect of every arm versus control with a 95 %
 * interval, says whether the client is on support for each arm, and shrinks toward per-client
 * priors on request. Immutable.
 *
 * <p>Client effect of arm k: {@code tau_k(x) = z(x)' b_k}, where {@code z(x)} is the standardised
 * feature vector with an intercept and {@code b_k} the ridge coefficients of the doubly robust
 * pseudo-outcome. Its variance is {@code z' V_kk z}, with {@code V} the joint sandwich (HC0)
 * covariance of all arms' coefficients; {@code z' V_jk z} is the covariance used by the tie rule.
 *
 * <p>Saved as JSON, not as a Tribuo protobuf: Tribuo's regressions return no coefficient
 * covariance, and the effect model is a handful of linear coefficient vectors with their
 * covariance, support thresholds and column names, which a small, diffable JSON file states
 * exactly and which anyone can audit without Trede's code. Like every model file it is checked
 * against its SHA-256 on load ({@link #load(Path, String)}).
 *
 * @see DoublyRobustEstimator
 */
public final class DrLearnerModel {

    /** The file format written into every saved model: version 2 added the final stage's terms. */
    public static final String FORMAT = "trede-dr-learner/2";
    /** The format before terms: read as a model without terms. */
    private static final String FORMAT_WITHOUT_TERMS = "trede-dr-learner/1";

    private static final double Z95 = 1.959963984540054;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final State state;
    private final int columns;
    /** Columns of the final stage's design: intercept, features, terms. */
    private final int effectWidth;
    private final SupportRule supportRule;

    /**
     * The model's full content, as written to JSON.
     *
     * @param featureMeans           subtracted from each feature before use
     * @param featureScales          divides each centred feature (1 for constant columns)
     * @param propensityCoefficients {@code [K][1+p]} multinomial logit, arm 0 the reference
     * @param supportThresholds      {@code [K]} propensity below which a client is off support
     * @param columnMin              {@code [K][p]} smallest value of each feature among the arm's clients
     * @param columnMax              {@code [K][p]} largest value
     * @param effectCoefficients     {@code [K-1][1+p+T]} DR-learner coefficients of arms 1..K-1: intercept, the
     *                               standardised features, then the standardised terms
     * @param effectCovariance       {@code [(K-1)(1+p+T)][(K-1)(1+p+T)]} joint covariance of the stacked coefficients
     * @param outcomeCoefficients    {@code [K][1+p]} per-arm outcome models (T-learner baseline):
     *                               logit of P(outcome = 1) for a binary outcome, the mean otherwise
     * @param provenance             settings, sample sizes, data hash: free text key/value pairs
     * @param effectTerms            the {@code T} threshold and interaction terms of the final stage ({@link TermSearch})
     * @param termMeans              subtracted from each term's 0/1 value
     * @param termScales             divides each centred term
     */
    public record State(String format, OutcomeType outcomeType, List<String> armNames, List<String> featureNames,
                        double[] featureMeans, double[] featureScales,
                        double[][] propensityCoefficients, double[] supportThresholds,
                        double[][] columnMin, double[][] columnMax,
                        double[][] effectCoefficients, double[][] effectCovariance,
                        double[][] outcomeCoefficients, Map<String, String> provenance,
                        List<EffectTerm> effectTerms, double[] termMeans, double[] termScales) {

        public State {
            if (FORMAT_WITHOUT_TERMS.equals(format) && effectTerms == null) {
                format = FORMAT;
                effectTerms = List.of();
                termMeans = new double[0];
                termScales = new double[0];
            }
        }
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
        int terms = state.effectTerms().size();
        this.effectWidth = columns + terms;
        boolean ok = state.featureMeans().length == p && state.featureScales().length == p
                && state.propensityCoefficients().length == arms && state.supportThresholds().length == arms
                && state.columnMin().length == arms && state.columnMax().length == arms
                && state.effectCoefficients().length == arms - 1
                && Arrays.stream(state.effectCoefficients()).allMatch(b -> b.length == effectWidth)
                && state.effectCovariance().length == (arms - 1) * effectWidth
                && state.termMeans().length == terms && state.termScales().length == terms
                && state.outcomeCoefficients().length == arms;
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
                state.featureMeans(), state.featureScales(), state.propensityCoefficients(), state.supportThresholds(),
                state.columnMin(), state.columnMax(), state.effectCoefficients(), state.effectCovariance(),
                state.outcomeCoefficients(), merged, state.effectTerms(), state.termMeans(), state.termScales()));
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
        return propensitiesOfStandardised(standardise(x));
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
     * This client's effects, each shrunk toward its prior by precision weighting:
     * {@code estimate = (1-s) data + s prior} with {@code s = (1/sd_prior^2) / (1/sd_prior^2 + 1/sd_data^2)}
     * (the priorShare), and posterior sd {@code sqrt(1 / (1/sd_prior^2 + 1/sd_data^2))}.
     *
     * @param priors indexed by arm; entry 0 (control) is ignored; a null entry means no prior
     */
    public ClientEffects predict(double[] x, Prior[] priors) {
        int arms = armNames().size();
        if (priors.length != arms) {
            throw new IllegalArgumentException("need one prior slot per arm (" + arms + ")");
        }
        double[] z = standardise(x);
        double[] e = propensitiesOfStandardised(z);
        double[] d = effectDesign(x, z);
        ClientEffects.DataCovariance dataCovariance = (a, b) -> a == b
                ? Matrices.symmetricQuadraticForm(d, state.effectCovariance(), (a - 1) * effectWidth)
                : Matrices.quadraticForm(d, state.effectCovariance(), (a - 1) * effectWidth, (b - 1) * effectWidth, d);
        List<ArmEffect> effects = new ArrayList<>();
        for (int k = 1; k < arms; k++) {
            Support support = supportRule.check(x, e, k);
            double data = Matrices.dot(state.effectCoefficients()[k - 1], d);
            double dataSd = Math.sqrt(Math.max(0, dataCovariance.between(k, k)));
            effects.add(combine(k, support, data, dataSd, priors[k]));
        }
        return new ClientEffects(effects, dataCovariance);
    }

    private ArmEffect combine(int arm, Support support, double data, double dataSd, Prior prior) {
        String name = armNames().get(arm);
        if (!support.onSupport()) {
            if (prior == null) {
                return new ArmEffect(arm, name, false, support.note(), Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, EffectSource.LEARNED);
            }
            return new ArmEffect(arm, name, false, support.note(), prior.mean(), prior.mean() - Z95 * prior.sd(),
                    prior.mean() + Z95 * prior.sd(), prior.sd(), Double.NaN, Double.NaN, 1.0, EffectSource.PRIOR);
        }
        double estimate = data;
        double sd = dataSd;
        double priorShare = 0;
        EffectSource source = EffectSource.LEARNED;
        if (prior != null) {
            source = EffectSource.BLEND;
            if (prior.sd() == 0) {
                priorShare = 1;
                sd = 0;
            } else if (dataSd == 0) {
                priorShare = 0;
            } else {
                double priorPrecision = 1 / (prior.sd() * prior.sd());
                double dataPrecision = 1 / (dataSd * dataSd);
                priorShare = priorPrecision / (priorPrecision + dataPrecision);
                sd = Math.sqrt(1 / (priorPrecision + dataPrecision));
            }
            estimate = priorShare * prior.mean() + (1 - priorShare) * data;
        }
        return new ArmEffect(arm, name, true, "", estimate, estimate - Z95 * sd, estimate + Z95 * sd, sd,
                data, dataSd, priorShare, source);
    }

    /**
     * The T-learner baseline: predicted outcome under arm k minus under control, from separate
     * per-arm outcome models fitted on all data. No interval, no support check.
     */
    public double tLearnerEffect(double[] x, int arm) {
        double[] z = standardise(x);
        return predictedOutcome(z, arm) - predictedOutcome(z, 0);
    }

    /** The outcome model's expected outcome under arm k for a client with these (raw) features: a nuisance of doubly robust values. */
    public double expectedOutcome(double[] x, int arm) {
        return predictedOutcome(standardise(x), arm);
    }

    private double predictedOutcome(double[] z, int arm) {
        return outcomeType().mean(Matrices.dot(state.outcomeCoefficients()[arm], z));
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

    /**
     * The final stage's design row: the standardised features and then each standardised term
     * ({@code z} itself when the model has no terms).
     */
    private double[] effectDesign(double[] x, double[] z) {
        List<EffectTerm> terms = state.effectTerms();
        if (terms.isEmpty()) {
            return z;
        }
        double[] d = Arrays.copyOf(z, effectWidth);
        for (int t = 0; t < terms.size(); t++) {
            d[columns + t] = standardisedTerm(x, t);
        }
        return d;
    }

    /** Term {@code t}'s value for a client with these (raw) features, standardised as in the final stage. */
    public double standardisedTerm(double[] x, int t) {
        return (state.effectTerms().get(t).value(x) - state.termMeans()[t]) / state.termScales()[t];
    }

    private double[] propensitiesOfStandardised(double[] z) {
        double[] e = new double[armNames().size()];
        SoftmaxRegression.probabilities(state.propensityCoefficients(), z, e);
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
