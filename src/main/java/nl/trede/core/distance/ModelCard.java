package nl.trede.core.distance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nl.trede.core.evaluation.BinaryMetrics.CalibrationBin;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.synth.PopulationGenerator;

/**
 * The model card of a shipped distance model: what it predicts, the data it was trained on, how
 * the candidates compared, how well the chosen model does on held-out clients (overall and by
 * protected subgroup), what it is for and where it falls short, and the SHA-256 of the model file
 * that a loader must verify before deserializing. It also carries what scoring needs besides the
 * Tribuo model: the calibration and the reference (typical-client) profile that factors compare to.
 * Written as JSON for machines and as Markdown for people.
 */
public record ModelCard(
        String modelVersion,
        String predicts,
        int horizonMonths,
        String modelFile,
        String modelSha256,
        String chosenCandidate,
        String selectionRule,
        String tribuoVersion,
        String featureEncoding,
        List<String> featureColumns,
        PlattCalibration calibration,
        IntakeProfile referenceProfile,
        TrainingData trainingData,
        List<CandidateResult> candidates,
        // Left out, not null, on a training run's card, whose held-out metrics are in its evaluation report.
        @JsonInclude(JsonInclude.Include.NON_NULL) HeldOut heldOut,
        List<SubgroupMetrics> subgroups,
        String intendedUse,
        List<String> knownLimits,
        String regenerateWith) {

    /** The same card for a model file with this hash. */
    public ModelCard withModelSha256(String sha256) {
        return new ModelCard(modelVersion, predicts, horizonMonths, modelFile, sha256, chosenCandidate, selectionRule, tribuoVersion,
                featureEncoding, featureColumns, calibration, referenceProfile, trainingData, candidates, heldOut,
                subgroups, intendedUse, knownLimits, regenerateWith);
    }

    /** The same card with other known limits and another way to regenerate it (a training run's, not train-models'). */
    public ModelCard withLimits(List<String> limits, String regenerate) {
        return new ModelCard(modelVersion, predicts, horizonMonths, modelFile, modelSha256, chosenCandidate, selectionRule, tribuoVersion,
                featureEncoding, featureColumns, calibration, referenceProfile, trainingData, candidates, heldOut,
                subgroups, intendedUse, limits, regenerate);
    }

    /** A figure as the card states it: six decimals, so floating-point noise does not change the card. */
    public static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** Where the training data came from and how it was split. */
    public record TrainingData(
            String source,
            long generatorSeed,
            PopulationGenerator.Settings generatorSettings,
            int trainingClients,
            int fitClients,
            int validationClients,
            int calibrationClients,
            int fitExamples,
            int validationExamples,
            int calibrationExamples,
            String label) {
    }

    /** One trainer that was compared on the validation split. */
    public record CandidateResult(String name, String trainer, double validationAuc, double validationLogLoss, boolean chosen) {
    }

    /**
     * Metrics on held-out clients against their outcome without intervention. The Bayes-optimal AUC
     * is the AUC of the true probabilities on the same clients: no model can do better on average.
     */
    public record HeldOut(
            int clients,
            String label,
            double auc,
            double bayesOptimalAuc,
            double aucGap,
            double expectedCalibrationError,
            String eceBinning,
            double expectedCalibrationErrorEqualWidth,
            double brier,
            double meanPredicted,
            double observedRate,
            double meanTrueProbability,
            List<CalibrationBin> calibrationTable) {
    }

    /** Metrics for one group of a protected attribute, for fairness monitoring. */
    public record SubgroupMetrics(
            String attribute,
            String group,
            int n,
            double auc,
            double bayesOptimalAuc,
            double meanPredicted,
            double observedRate,
            double meanTrueProbability) {
    }
}
