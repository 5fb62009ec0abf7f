package nl.trede.core.distance;

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
        Calibration calibration,
        IntakeProfile referenceProfile,
        TrainingData trainingData,
        List<CandidateResult> candidates,
        List<CalibrationChoice> calibrationChoices,
        HeldOut heldOut,
        List<SubgroupMetrics> subgroups,
        String intendedUse,
        List<String> knownLimits,
        String regenerateWith) {

    /** The same card for a model file with this hash. */
    public ModelCard withModelSha256(String sha256) {
        return new ModelCard(modelVersion, predicts, horizonMonths, modelFile, sha256, chosenCandidate, selectionRule, tribuoVersion,
                featureEncoding, featureColumns, calibration, referenceProfile, trainingData, candidates, calibrationChoices, heldOut,
                subgroups, intendedUse, knownLimits, regenerateWith);
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

    /** One trainer that was compared: AUC and log loss of its raw (uncalibrated) probabilities on the selection split. */
    public record CandidateResult(String name, String trainer, double validationAuc, double validationLogLoss, boolean chosen) {
    }

    /**
     * One candidate with one calibration, by cross-validated log loss on the selection split.
     *
     * @param standardErrorToBest the standard error of the per-client difference in loss from the best pairing
     */
    public record CalibrationChoice(String candidate, String calibration, double crossValidatedLogLoss,
                                    double standardErrorToBest, boolean chosen) {
    }

    /**
     * Metrics on held-out clients against their outcome without intervention. The Bayes-optimal AUC
     * is the AUC of the true probabilities on the same clients: no model can do better on average.
     * Where the truth is known (a simulator), calibration is also judged against the true
     * probabilities, which is free of the outcomes' sampling noise.
     *
     * @param calibrationTableTrueProbability per bin of {@code calibrationTable}, the mean true probability
     * @param topDecileGap      mean predicted minus mean true probability in the top decile of the prediction
     * @param categories        calibration per predicted distance category
     * @param boundaries        calibration of the clients predicted near each category boundary
     * @param categoryAgreement the predicted category against the category of the true probability
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
            List<CalibrationBin> calibrationTable,
            List<Double> calibrationTableTrueProbability,
            double topDecileGap,
            List<CategoryCalibration> categories,
            List<BoundaryCalibration> boundaries,
            CategoryAgreement categoryAgreement) {
    }

    /** The clients placed in one category: how many, their mean prediction, observed rate and mean true probability. */
    public record CategoryCalibration(int category, int n, double meanPredicted, double observedRate, double meanTrueProbability) {
    }

    /** The clients whose prediction lies within {@code window} of a category boundary. */
    public record BoundaryCalibration(double boundary, double window, int n, double meanPredicted, double observedRate,
                                      double meanTrueProbability) {
    }

    /**
     * How often the predicted category is the category of the client's true probability.
     *
     * @param confusion           {@code [true category - 1][predicted category - 1]} counts
     * @param byTrueCategory      per true category (1 to 4), the share placed in it
     */
    public record CategoryAgreement(double agreement, List<List<Integer>> confusion, List<Double> byTrueCategory) {
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
