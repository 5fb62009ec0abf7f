package nl.trede.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nl.trede.core.evaluation.BinaryMetrics.CalibrationBin;
import nl.trede.core.evaluation.PolicyValue;

/**
 * The evaluation of a candidate model set against the active one on the same held-out records, made
 * by {@link CandidateEvaluation#evaluate}: machine-readable with {@link #toJson()}, for people with
 * {@link #toHtml()} (a self-contained page with inline SVG plots). A number that cannot be computed
 * (too few clients, a group without positives) is NaN here and {@code null} in the JSON.
 *
 * @param flags every threshold the candidate crosses, in one sentence each; empty when none
 */
public record EvaluationReport(
        String format,
        Versions candidate,
        Versions active,
        String catalogueVersion,
        String heldOut,
        int heldOutRecords,
        Thresholds thresholds,
        DistanceSection distance,
        List<ProxyResult> proxies,
        List<EffectSection> effects,
        List<String> flags) {

    public static final String FORMAT = "candidate-evaluation-1";

    public EvaluationReport {
        proxies = List.copyOf(proxies);
        effects = List.copyOf(effects);
        flags = List.copyOf(flags);
    }

    /** The versions of one model set. */
    public record Versions(String distance, String effects) {
    }

    /**
     * What is flagged: a ratio of a group rate above {@code rateRatio}, a group's calibration gap above
     * {@code calibrationGap}, inputs that predict a protected group with AUC of at least {@code proxyAuc};
     * groups smaller than {@code minimumGroup} are shown but not compared.
     */
    public record Thresholds(double rateRatio, double calibrationGap, double proxyAuc, int minimumGroup) {
    }

    /** The distance models on the held-out records whose outcome without intervention is observed. */
    public record DistanceSection(String label, int examples, DistanceMetrics candidate, DistanceMetrics active) {
    }

    /**
     * One distance model's discrimination and calibration, overall and per group.
     *
     * @param reliability equal-mass bins of the prediction (the reliability plot)
     */
    public record DistanceMetrics(String version, double auc, double brier, double logLoss, double expectedCalibrationError,
                                  double meanPredicted, double observedRate, List<CalibrationBin> reliability,
                                  List<GroupMetrics> groups, List<RateRatio> ratios) {
    }

    /**
     * One group of one attribute. The calibration gap is mean predicted minus observed rate, with a
     * 95 % interval from the observed rate's binomial error. Category 4 (large distance) counts as a
     * positive: its false-positive rate is the share placed in category 4 of those who did find work,
     * its false-negative rate the share not placed there of those who did not.
     *
     * @param comparable whether the group is large enough (and has enough of either outcome) to compare
     */
    public record GroupMetrics(String attribute, String group, int n, double auc, double meanPredicted, double observedRate,
                               double calibrationGap, double gapLower, double gapUpper, double falsePositiveRate4,
                               double falseNegativeRate4, boolean comparable, boolean calibrationFlagged) {
    }

    /** The highest over the lowest rate among an attribute's comparable groups (infinite, null in JSON, when the lowest is 0). */
    public record RateRatio(String attribute, String rate, double ratio, String highest, String lowest, boolean flagged) {
    }

    /**
     * How well the models' inputs predict one protected group (one against the rest), as the
     * cross-validated AUC of a logistic regression from the encoded profile, and how well each
     * model's score alone separates the group (0.5: not at all; below 0.5 separates the other way).
     */
    public record ProxyResult(String attribute, String group, int n, double inputsAuc, double candidateScoreAuc,
                              double activeScoreAuc, boolean flagged) {
    }

    /**
     * The policies at one horizon, by their doubly robust value on the held-out records whose outcome
     * at that horizon is known.
     *
     * @param bestAverageOption           the option with the highest value when given to everyone eligible
     * @param candidateMinusActive        paired difference of the two models' policies
     * @param candidateMinusBestAverage   paired difference with "everyone gets the best average option"
     * @param candidateQini               Qini curve of the candidate: the gain over giving nothing when the
     *                                    share of clients with the largest predicted effect get their advice
     * @param candidateQiniCoefficient    the area between that curve and random targeting (higher: ranks better)
     */
    public record EffectSection(int horizonMonths, int records, String bestAverageOption, List<PolicyResult> policies,
                                PolicyValue.Estimate candidateMinusActive, PolicyValue.Estimate candidateMinusBestAverage,
                                List<QiniPoint> candidateQini, double candidateQiniCoefficient,
                                List<QiniPoint> activeQini, double activeQiniCoefficient) {
    }

    /**
     * One policy's value: the share with paid work at the horizon had every client been given what it
     * picks, with an influence-function 95 % interval.
     *
     * @param poorOverlapShare share of clients it sends where their propensity was below the clip (extrapolation)
     */
    public record PolicyResult(String policy, String description, double value, double standardError, double lower,
                               double upper, double poorOverlapShare) {
    }

    /** The gain in the share with work when the top {@code share} of clients get their advice (the rest nothing). */
    public record QiniPoint(double share, double gain, double gainLower, double gainUpper) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule().addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(Double.TYPE, new FiniteOrNull()))
            .build();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A self-contained HTML page (no scripts, no external resources) with the plots as inline SVG. */
    public String toHtml() {
        return ReportHtml.render(this);
    }

    /** NaN and infinities are not JSON numbers: written as null. */
    private static final class FiniteOrNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                out.writeNumber(value);
            } else {
                out.writeNull();
            }
        }
    }
}
