package nl.trede.core.distance;

import java.util.List;
import java.util.Optional;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A linear Tribuo classifier's arithmetic, read off its weights once: per label a weight for each
 * {@link FeatureEncoder} column (zero for a column the model never saw) and a bias, and the
 * softmax of the label scores. Scoring a profile is then one dot product per label on its encoded
 * vector instead of a Tribuo prediction (an example with named features, a feature-map lookup per
 * column, a prediction object), which makes the 16 one-field-changed profiles behind a score's
 * factors cost as little as the score itself.
 *
 * <p>Only built when it reproduces Tribuo's own probabilities ({@link #of}), so a model whose
 * output is not a softmax of linear scores keeps the Tribuo path.
 */
final class LinearLogits {

    /** Agreement with Tribuo required before the weights are used instead of the model. */
    private static final double AGREEMENT = 1e-9;

    private final double[][] weights;
    private final double[] bias;
    private final int worked;

    private LinearLogits(double[][] weights, double[] bias, int worked) {
        this.weights = weights;
        this.bias = bias;
        this.worked = worked;
    }

    /**
     * The weights of {@code model} if it is linear and its probabilities of {@code workedLabel} on
     * the {@code checks} profiles equal Tribuo's; empty otherwise.
     */
    static Optional<LinearLogits> of(Model<Label> model, String workedLabel, FeatureEncoder encoder,
                                     List<IntakeProfile> checks) {
        if (!(model instanceof LinearSGDModel linear)) {
            return Optional.empty();
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        DenseMatrix matrix = linear.getWeightsCopy();
        int labels = matrix.getDimension1Size();
        if (matrix.getDimension2Size() != features.size() + 1) {
            return Optional.empty();
        }
        List<String> columns = encoder.columnNames();
        double[][] weights = new double[labels][columns.size()];
        double[] bias = new double[labels];
        for (int label = 0; label < labels; label++) {
            for (int column = 0; column < columns.size(); column++) {
                int id = features.getID(columns.get(column));
                weights[label][column] = id < 0 ? 0 : matrix.get(label, id);
            }
            bias[label] = matrix.get(label, features.size());
        }
        LinearLogits candidate = new LinearLogits(weights, bias, model.getOutputIDInfo().getID(new Label(workedLabel)));
        for (IntakeProfile profile : checks) {
            double tribuo = model.predict(encoder.toExample(profile, LabelFactory.UNKNOWN_LABEL))
                    .getOutputScores().get(workedLabel).getScore();
            if (!(Math.abs(tribuo - candidate.probabilityOfWork(encoder.encode(profile))) <= AGREEMENT)) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    /** The model's (uncalibrated) probability of the worked label for an encoded profile. */
    double probabilityOfWork(double[] encoded) {
        double[] scores = new double[bias.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int label = 0; label < scores.length; label++) {
            double score = bias[label];
            double[] w = weights[label];
            for (int column = 0; column < w.length; column++) {
                score += w[column] * encoded[column];
            }
            scores[label] = score;
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int label = 0; label < scores.length; label++) {
            sum += Math.exp(scores[label] - max);
        }
        return Math.exp(scores[worked] - max) / sum;
    }
}
