package nl.trede.core.effects;

import java.util.List;

/**
 * The model card of a learned effect model: what it estimates, the simulated history it learned
 * from (with its seed), the method, and how it did against the simulation's ground truth. All
 * effects are in percentage points on P(paid work within the horizon).
 *
 * @param modelSha256 SHA-256 of the model file; the loader refuses a file that does not match
 */
public record EffectModelCard(
        String modelVersion,
        String estimates,
        String effectUnits,
        String modelFile,
        String modelSha256,
        String regenerate,
        TrainingData trainingData,
        Method method,
        List<ArmResult> arms,
        List<PolicyResult> policy,
        List<String> limits) {

    /** The simulated history (training) and the fresh population the client-level results are measured on. */
    public record TrainingData(String source, long historySeed, int historyClients, long heldOutSeed,
                               int heldOutClients, double missingShare, double randomisedShare,
                               double creamSkimming, double programmeShare) {
    }

    public record Method(String estimator, String featureVersion, List<String> nuisanceColumns,
                         List<String> finalStageColumns, List<String> lightlyPenalisedColumns, int folds,
                         double propensityClip, double finalStageRidge12, double finalStageRidge24,
                         String shrinkage, String support, String ties) {
    }

    /**
     * One intervention at one horizon: the learned average effect over the eligible clients of the
     * history against the true one, the naive difference, overlap, and client-level error (PEHE,
     * root mean squared error of client effects on the held-out population, on-support clients), and the
     * threshold and interaction terms the final stage's search kept, in words.
     */
    public record ArmResult(int horizonMonths, String intervention, int eligibleClients, int treatedClients,
                            double trueAte, double ate, double ateLower, double ateUpper, boolean ateCovered,
                            double naiveDifference, double naiveLower, double naiveUpper, boolean naiveCovered,
                            double offSupportShare, double peheLearned, double peheBlend, double peheTLearner,
                            List<String> finalStageTerms) {
    }

    /**
     * Policy value on the held-out population: the mean true gain over NONE of the intervention each
     * policy picks (among the client's eligible interventions), and its share of the oracle's gain
     * (the oracle picks the truly best intervention for every client).
     */
    public record PolicyResult(int horizonMonths, double oracleGain, double recommendedGain,
                               double recommendedShareOfOracle, double learnedOnlyShareOfOracle,
                               double priorOnlyShareOfOracle, double tLearnerShareOfOracle,
                               double naiveShareOfOracle, double peheLearned, double peheBlend, double peheTLearner,
                               double offSupportShare) {
    }
}
