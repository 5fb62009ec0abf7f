package nl.trede.core.candidate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.causal.OverlapSummary;
import nl.trede.core.digest.Sha256;
import nl.trede.core.distance.DistanceModelTrainer;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.effects.EffectFeatures;
import nl.trede.core.effects.EffectModelTrainer;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.report.CandidateEvaluation;
import nl.trede.core.report.EvaluationReport;
import nl.trede.core.report.ProtectedAttributes;
import nl.trede.core.training.TrainingData;
import nl.trede.core.training.TrainingRecord;

/**
 * The learning part of a training run (issue #11.3), the same for the API and the command line:
 * splits the records into a fit part and a held-out part (deterministically from the seed), fits
 * the distance model and the effect model on the fit part only, and evaluates the candidate against
 * the active set on the held-out part ({@link CandidateEvaluation}). Returns the two artefacts
 * (model bytes and cards, ready for the registry), the report, the split's sizes and the
 * positivity problems the effect learner met. Nothing is written anywhere.
 *
 * <p>Protected attributes are handed in beside the records and read only for the held-out part,
 * by the evaluation; no trainer sees them.
 */
public final class CandidateTraining {

    /** An eligible client off support for an option more often than this is reported as a positivity problem. */
    public static final double OFF_SUPPORT_WARNING = 0.20;
    /** Each part needs at least this many untreated clients of either 12-month outcome. */
    static final int MIN_LABELS = 10;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CandidateTraining() {
    }

    /** The distance model's candidates: the shipped comparison, or the linear model alone (fast, for small data and tests). */
    public enum DistanceCandidates { STANDARD, LOGISTIC_REGRESSION }

    /**
     * @param seed          seeds the held-out split, the trainers and the evaluation's folds
     * @param heldOutShare  share of the records held out for the evaluation, never used to fit
     * @param finalLambda12 ridge penalty of the effect model's final stage at 12 months
     * @param finalLambda24 the same at 24 months
     * @param folds         cross-fitting folds of the effect learner and of the evaluation
     * @param threads       interventions fitted in parallel (results do not depend on it)
     */
    public record Settings(long seed, double heldOutShare, DistanceCandidates distanceCandidates, double finalLambda12,
                           double finalLambda24, int folds, int threads) {

        public static final long DEFAULT_SEED = 20_261_201L;
        public static final double DEFAULT_HELD_OUT_SHARE = 0.2;

        public Settings {
            Objects.requireNonNull(distanceCandidates, "distanceCandidates");
            if (!(heldOutShare > 0 && heldOutShare < 1)) {
                throw new IllegalArgumentException("heldOutShare must lie strictly between 0 and 1");
            }
        }

        /** The shipped models' settings (train-models), with a held-out share of 0.2. */
        public static Settings defaults() {
            EffectModelTrainer.Settings standard = EffectModelTrainer.Settings.standard(DEFAULT_SEED);
            return new Settings(DEFAULT_SEED, DEFAULT_HELD_OUT_SHARE, DistanceCandidates.STANDARD, standard.finalLambda12(),
                    standard.finalLambda24(), standard.folds(), standard.threads());
        }
    }

    /** Reports where the run is: a stage, the fraction done (0 to 1) and a line for the run's log. */
    @FunctionalInterface
    public interface Progress {
        void report(String stage, double fraction, String line);
    }

    /** How many records were read, fitted on and held out. */
    public record Split(int records, int fitRecords, int heldOutRecords) {
    }

    /**
     * An option that is almost never chosen for some of the clients eligible for it: the effect
     * model has no comparable history for them (off support) and the evaluation's weights for those
     * who did get it are large.
     *
     * @param offSupportShare          share of the eligible clients off support for the option
     * @param lowTreatedPropensity     the 5th percentile of the estimated chance of the option among those who got it
     * @param weightsClipped           whether that chance fell below the estimator's clip, so the
     *                                 weights of at least 5 % of them were capped (at 1 / clip)
     */
    public record PositivityProblem(int horizonMonths, String intervention, int eligibleClients, int treatedClients,
                                    double offSupportShare, double lowTreatedPropensity, boolean weightsClipped,
                                    String message) {
    }

    /** What a run produced: the registry's artefacts, the report on the held-out part, and what it met on the way. */
    public record Result(ModelArtefact distance, ModelArtefact effects, EvaluationReport report, Split split,
                         List<PositivityProblem> positivity) {
    }

    /**
     * Trains and evaluates a candidate.
     *
     * @param attributes      each record's protected attributes, in the order of {@code data.records()}
     * @param active          the set serving now, which the candidate is compared with
     * @param versionSuffix   names the artefacts: {@code distance-<suffix>} and {@code effects-<suffix>}
     * @param regenerate      how to run this again, for the cards
     */
    public static Result train(TrainingData data, List<ProtectedAttributes> attributes, CandidateEvaluation.ModelSet active,
                               String versionSuffix, String regenerate, Settings settings, Progress progress) {
        List<TrainingRecord> records = data.records();
        if (attributes.size() != records.size()) {
            throw new IllegalArgumentException("one set of protected attributes per record is needed");
        }
        boolean[] heldOut = heldOut(records.size(), settings.heldOutShare(), settings.seed());
        List<TrainingRecord> fit = new ArrayList<>();
        List<CandidateEvaluation.HeldOutRecord> evaluation = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (heldOut[i]) {
                evaluation.add(new CandidateEvaluation.HeldOutRecord(records.get(i), attributes.get(i)));
            } else {
                fit.add(records.get(i));
            }
        }
        Split split = new Split(records.size(), fit.size(), evaluation.size());
        requireLabels(fit, "fit part");
        requireLabels(evaluation.stream().map(CandidateEvaluation.HeldOutRecord::record).toList(), "held-out part");
        TrainingData fitData = TrainingData.of(data.description() + ", the " + fit.size() + " records not held out (seed "
                + settings.seed() + ")", fit);
        progress.report("fitting the distance model", 0.15, String.format(Locale.ROOT,
                "%d records: %d to fit on, %d held out for the evaluation (share %.2f, seed %d)", split.records(),
                split.fitRecords(), split.heldOutRecords(), settings.heldOutShare(), settings.seed()));

        long started = System.nanoTime();
        DistanceModelTrainer distanceTrainer = new DistanceModelTrainer(settings.seed(), versionSuffix,
                settings.distanceCandidates() == DistanceCandidates.STANDARD ? DistanceModelTrainer.standardCandidates(settings.seed())
                        : DistanceModelTrainer.standardCandidates(settings.seed()).subList(0, 1));
        DistanceModelTrainer.Fit distance = distanceTrainer.fit(fitData);
        ModelArtefact distanceArtefact = distanceArtefact(distance, fitData, settings, regenerate);
        progress.report("fitting the effect model", 0.4, "distance model " + distanceArtefact.version() + ": "
                + distance.chosenCandidate() + " chosen on validation AUC, " + distance.split().fitExamples()
                + " fit examples (nothing given, 12-month outcome known)" + took(started));
        long effectsStarted = System.nanoTime();

        EffectModelTrainer.Settings effectSettings = new EffectModelTrainer.Settings(settings.seed(), fit.size(), evaluation.size(),
                "effects-" + versionSuffix, null, settings.finalLambda12(), settings.finalLambda24(), settings.threads(), true,
                settings.folds());
        EffectModelTrainer.Fit effects = new EffectModelTrainer(effectSettings).fit(fitData);
        List<PositivityProblem> positivity = positivity(effects);
        ModelArtefact effectArtefact = effectArtefact(effects, effectSettings, fitData, positivity, regenerate);
        progress.report("evaluating against the active set", 0.75, "effect model " + effectArtefact.version() + ": "
                + effects.arms().size() + " intervention-horizon fits, " + positivity.size() + " positivity problems" + took(effectsStarted));
        long evaluationStarted = System.nanoTime();
        for (PositivityProblem problem : positivity) {
            progress.report("evaluating against the active set", 0.75, "positivity: " + problem.message());
        }
        for (EffectModelTrainer.ArmFit arm : effects.arms()) {
            if (arm.priorWidening() > 0) {
                progress.report("evaluating against the active set", 0.75, String.format(Locale.ROOT, "prior: %s at %d months, this "
                                + "history's average effect %+.1f pp [%+.1f, %+.1f] contradicts the literature beyond both uncertainties; "
                                + "its prior's sd is widened by %.1f pp, so the data weigh more", arm.intervention().code(), arm.horizon(),
                        100 * arm.fit().arm(1).ate(), 100 * arm.fit().arm(1).ateLower(), 100 * arm.fit().arm(1).ateUpper(),
                        100 * arm.priorWidening()));
            }
        }

        CandidateEvaluation.ModelSet candidate = new CandidateEvaluation.ModelSet(distance.model(), effects.model());
        CandidateEvaluation.Settings evaluationSettings = CandidateEvaluation.Settings.defaults();
        EvaluationReport report = CandidateEvaluation.evaluate(candidate, active, Catalogue.STARTING,
                data.description() + ", the " + evaluation.size() + " records held out (seed " + settings.seed() + ")", evaluation,
                new CandidateEvaluation.Settings(settings.folds(), settings.seed(), evaluationSettings.bins(),
                        evaluationSettings.thresholds()));
        progress.report("evaluated", 0.9, "evaluation report: " + report.flags().size() + " flags" + took(evaluationStarted));
        return new Result(distanceArtefact, effectArtefact, report, split, positivity);
    }

    /**
     * The distance model learns, and the report measures, on the clients who got nothing and whose
     * 12-month outcome is known: without enough of either outcome there is nothing to learn or measure.
     */
    private static void requireLabels(List<TrainingRecord> records, String part) {
        long worked = records.stream().filter(r -> r.gotNothing() && r.within12().known() && r.within12().worked()).count();
        long notWorked = records.stream().filter(r -> r.gotNothing() && r.within12().known() && !r.within12().worked()).count();
        if (worked < MIN_LABELS || notWorked < MIN_LABELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "too few records to train on: the %s has %d clients "
                    + "who got nothing and had paid work within 12 months and %d who got nothing and had not; at least %d of each "
                    + "are needed (censored outcomes, whose 12 months have not passed, count as neither)", part, worked, notWorked,
                    MIN_LABELS));
        }
    }

    private static String took(long startedNanos) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - startedNanos) / 1e9);
    }

    /**
     * Which records are held out: a share of them drawn without replacement from the seed, the same
     * for the same number of records, share and seed.
     */
    public static boolean[] heldOut(int records, double share, long seed) {
        int[] order = IntStream.range(0, records).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = records - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        boolean[] heldOut = new boolean[records];
        int count = (int) Math.round(share * records);
        for (int i = 0; i < count; i++) {
            heldOut[order[i]] = true;
        }
        return heldOut;
    }

    private static ModelArtefact distanceArtefact(DistanceModelTrainer.Fit fit, TrainingData fitData, Settings settings,
                                                  String regenerate) {
        DistanceModelTrainer.Result result = fit.card(fitData.description(), settings.seed(), null, null, List.of());
        List<String> limits = List.of("Trained by a training run on the data named above. Its held-out metrics, per group too, "
                        + "are in the evaluation report of the model version it belongs to, not on this card.",
                "Learns from clients who got no intervention; if klantmanagers chose on facts not in the intake, the estimate is biased.",
                "Dutch language level is a known proxy for migration background: read the report's proxy check.");
        try {
            return ModelFiles.artefact(new DistanceModelTrainer.Result(result.model(), result.card().withLimits(limits, regenerate)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PositivityProblem> positivity(EffectModelTrainer.Fit fit) {
        List<PositivityProblem> problems = new ArrayList<>();
        for (EffectModelTrainer.ArmFit arm : fit.arms()) {
            OverlapSummary overlap = arm.fit().overlap();
            OverlapSummary.ArmOverlap option = overlap.arms().get(1);
            boolean clipped = option.armClients().p05() < overlap.propensityClip();
            if (option.offSupportShare() > OFF_SUPPORT_WARNING || clipped) {
                problems.add(new PositivityProblem(arm.horizon(), arm.intervention().code(), arm.eligible(), arm.treated(),
                        option.offSupportShare(), option.armClients().p05(), clipped, String.format(Locale.ROOT,
                        "%s at %d months: %.0f %% of the %d eligible clients are off support (the option was almost never "
                                + "chosen for clients like them: no effect is estimated for them)%s", arm.intervention().code(),
                        arm.horizon(), 100 * option.offSupportShare(), arm.eligible(), clipped ? String.format(Locale.ROOT,
                                "; among the %d who got it, 5 %% had an estimated chance below %.4f, under the clip %.2f, so "
                                        + "their weights were capped", arm.treated(), option.armClients().p05(),
                                overlap.propensityClip()) : "")));
            }
        }
        for (EffectModelTrainer.ThinArm thin : fit.thin()) {
            problems.add(new PositivityProblem(thin.horizon(), thin.intervention().code(), thin.eligible(), thin.treated(), 1.0, 0,
                    false, String.format(Locale.ROOT, "%s at %d months: of the %d eligible clients %d got nothing, %d only this "
                            + "option and %d something else; at least %d in each are needed to learn from, so no effect is "
                            + "learned and the service states the literature's for it", thin.intervention().code(), thin.horizon(),
                            thin.eligible(), thin.control(), thin.treated(), thin.other(), thin.minimum())));
        }
        return problems;
    }

    /**
     * The card of an effect model a run learned from real (or uploaded) history: there is no truth
     * to compare with, so it states the data, the method, the learned average effects with their
     * intervals, and the positivity problems; the comparison with the active set is the report.
     * (Not {@code arms}, which on a shipped card stand beside the simulation's truth.)
     */
    public record RunEffectCard(String modelVersion, String estimates, String effectUnits, String modelFile, String modelSha256,
                                String regenerate, String data, int fitRecords, String featureVersion,
                                String estimator12, String estimator24, List<ArmResult> averageEffects,
                                List<PositivityProblem> positivity, List<String> limits) {
    }

    /**
     * One intervention at one horizon: the doubly robust average effect over its eligible clients, in percentage
     * points, and how far the literature prior's sd was widened because this history contradicts it (0: it agrees).
     */
    public record ArmResult(int horizonMonths, String intervention, int eligibleClients, int treatedClients, double ate,
                            double ateLower, double ateUpper, double offSupportShare, double priorWidening) {
    }

    private static ModelArtefact effectArtefact(EffectModelTrainer.Fit fit, EffectModelTrainer.Settings settings,
                                                TrainingData fitData, List<PositivityProblem> positivity, String regenerate) {
        byte[] model = fit.model().toJson();
        List<ArmResult> arms = fit.arms().stream().map(a -> new ArmResult(a.horizon(), a.intervention().code(), a.eligible(),
                a.treated(), EffectModelTrainer.pp(a.fit().arm(1).ate()), EffectModelTrainer.pp(a.fit().arm(1).ateLower()),
                EffectModelTrainer.pp(a.fit().arm(1).ateUpper()), EffectModelTrainer.round(a.fit().arm(1).offSupportShare(), 4),
                EffectModelTrainer.pp(a.priorWidening()))).toList();
        RunEffectCard card = new RunEffectCard(settings.version(),
                "client-level causal effect of each intervention on P(paid work within 12 / 24 months), versus NONE",
                "percentage points", settings.version() + ".json", Sha256.hex(model), regenerate, fitData.description(),
                fitData.records().size(), EffectFeatures.VERSION, settings.estimator(12).toString(),
                settings.estimator(24).toString(), arms, positivity,
                List.of("No unmeasured confounding is assumed: the klantmanager's choice is modelled from the intake and "
                                + "the advice shown; anything else it depended on biases every estimate.",
                        "Clients off support for an option get no learned effect for it (see positivity).",
                        "How it compares with the active set, on records it never saw, is the version's evaluation report."));
        try {
            byte[] cardJson = (JSON.writeValueAsString(card) + "\n").getBytes(StandardCharsets.UTF_8);
            return new ModelArtefact(LearnedEffectModel.KIND, settings.version(), model, cardJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
