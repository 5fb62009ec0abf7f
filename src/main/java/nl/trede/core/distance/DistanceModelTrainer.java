package nl.trede.core.distance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.evaluation.BinaryMetrics;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.training.TrainingData;
import nl.trede.core.training.TrainingRecord;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the distance model on any {@link TrainingData}.
 *
 * <p>The records are split by position into fit (2/3) and selection (1/3; the validation and
 * calibration sixths of earlier versions, pooled). Only records in which nothing was given and whose
 * 12-month outcome is known are used: that is the label the distance score defines, and the one a
 * municipality has (a censored record says nothing about work within 12 months). When klantmanagers
 * chose on the intake alone, P(work | intake, nothing given) is unbiased for the outcome without
 * intervention. Every candidate is fitted on the fit split; on the selection split, each pairing of
 * a candidate with a calibration (Platt scaling, isotonic regression) is judged by 5-fold
 * cross-validated log loss: the calibration is fitted on four folds and scored on the fifth, so no
 * client's loss comes from a calibration that saw that client. The simplest pairing (candidates in
 * the order listed, Platt before isotonic) within one standard error of the best is chosen (the
 * standard error of the per-client difference in log loss: smaller differences are sampling error,
 * and a simpler model is faster to score, smoother to explain and smaller to audit). Its calibration
 * is then fitted on the whole selection split. Log loss rewards calibration where the clients are,
 * including the top decile that a linear logit tends to flatten. How well the model does is judged
 * elsewhere, on data the trainer never sees ({@code nl.trede.core.groundtruth} for the synthetic
 * population).
 */
public final class DistanceModelTrainer {

    /** Held on to, because java.util.logging keeps only weak references to configured loggers. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        // Tribuo's SGD logs at INFO every 1,000 steps; only problems are worth seeing.
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    /** Fixed so the data provenance inside the model file does not depend on the clock. */
    private static final OffsetDateTime DATA_TIMESTAMP = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    /** Folds of the cross-validated log loss that chooses candidate and calibration. */
    static final int SELECTION_FOLDS = 5;
    /** What the model learns to predict, as the card states it. */
    public static final String LABEL = "observed paid work within 12 months, clients with no intervention in the history only";

    /** The calibrations compared, simplest first. */
    public enum CalibrationMethod {
        PLATT {
            @Override
            Calibration fit(double[] raw, boolean[] labels) {
                return PlattCalibration.fit(raw, labels);
            }
        },
        ISOTONIC {
            @Override
            Calibration fit(double[] raw, boolean[] labels) {
                return IsotonicCalibration.fit(raw, labels);
            }
        };

        abstract Calibration fit(double[] raw, boolean[] labels);
    }

    /** A trainer to compare, with a short name for the model card. */
    public record Candidate(String name, Trainer<Label> trainer) {
    }

    /** The trained, calibrated model and its card (whose model hash is filled in when the file is written). */
    public record Result(TribuoDistanceModel model, ModelCard card) {
    }

    /**
     * A fitted, calibrated model with how it was chosen and how many records each split had; what
     * its card says about the model itself. {@link #card} completes it with what only the data's
     * owner knows: where the data came from and how the model did on held-out clients.
     */
    public record Fit(TribuoDistanceModel model, long seed, String chosenCandidate,
                      List<ModelCard.CandidateResult> candidates, List<ModelCard.CalibrationChoice> calibrationChoices,
                      Split split) {

        public Result card(String source, long generatorSeed, PopulationGenerator.Settings generator,
                           ModelCard.HeldOut heldOut, List<ModelCard.SubgroupMetrics> subgroups) {
            ModelCard.TrainingData trainingData = new ModelCard.TrainingData(source, generatorSeed, generator,
                    split.records(), split.fit(), split.validation(), split.calibration(), split.fitExamples(),
                    split.validationExamples(), split.calibrationExamples(), LABEL);
            ModelCard card = new ModelCard(
                    model.version(),
                    "Probability of paid work within 12 months without intervention (distance to the labour market)",
                    12, ModelFiles.modelFileName(model.version()), null, chosenCandidate, SELECTION_RULE,
                    org.tribuo.Tribuo.VERSION, FeatureEncoder.VERSION, new FeatureEncoder().columnNames(),
                    model.calibration(), model.referenceProfile(), trainingData, candidates, calibrationChoices, heldOut,
                    subgroups,
                    INTENDED_USE, KNOWN_LIMITS,
                    "java -jar target/quarkus-app/quarkus-run.jar train-models --seed " + seed + " --out models");
            return new Result(model, card);
        }
    }

    /** Records per split, and of those the examples used (nothing given, 12-month outcome known). */
    public record Split(int records, int fit, int validation, int calibration, int fitExamples, int validationExamples,
                        int calibrationExamples) {
    }

    private final FeatureEncoder encoder = new FeatureEncoder();
    private final LabelFactory labels = new LabelFactory();
    private final long seed;
    private final String modelVersion;
    private final List<Candidate> candidates;

    /** @param version model version without the kind, e.g. {@code 1.0.0} for {@code distance-1.0.0} */
    public DistanceModelTrainer(long seed, String version) {
        this(seed, version, standardCandidates(seed));
    }

    public DistanceModelTrainer(long seed, String version, List<Candidate> candidates) {
        this.seed = seed;
        this.modelVersion = "distance-" + version;
        this.candidates = List.copyOf(candidates);
    }

    /** The candidates compared for the shipped model, simplest first: a linear model and two boosted tree ensembles. */
    public static List<Candidate> standardCandidates(long seed) {
        return List.of(
                new Candidate("logistic-regression",
                        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.2, 0.1), 20, Integer.MAX_VALUE, 1, seed)),
                new Candidate("xgboost-400x3",
                        new XGBoostClassificationTrainer(400, 0.03, 0, 3, 10, 0.8, 0.8, 1, 0, 1, true, seed)),
                new Candidate("xgboost-200x5",
                        new XGBoostClassificationTrainer(200, 0.05, 0, 5, 10, 0.8, 0.8, 1, 0, 1, true, seed)));
    }

    public Fit fit(TrainingData data) {
        List<TrainingRecord> records = data.records();
        int n = records.size();
        List<TrainingRecord> fitNone = untreated(records.subList(0, n * 2 / 3));
        List<TrainingRecord> selectionNone = untreated(records.subList(n * 2 / 3, n));
        MutableDataset<Label> dataset = dataset(fitNone, data.description());
        IntakeProfile reference = referenceProfile(records);
        boolean[] observed = observed12(selectionNone);
        int[] fold = DoublyRobustEstimator.stratifiedFolds(labels(observed), 2, SELECTION_FOLDS, seed);

        List<ModelCard.CandidateResult> results = new ArrayList<>();
        List<Model<Label>> trained = new ArrayList<>();
        List<double[]> raws = new ArrayList<>();
        List<Pairing> pairings = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Candidate candidate = candidates.get(c);
            // From a fresh random state each time, so fitting the same data again gives the same model.
            Model<Label> model = candidate.trainer().train(dataset, Map.of(), 0);
            trained.add(model);
            double[] raw = new TribuoDistanceModel(modelVersion, model, PlattCalibration.IDENTITY, reference)
                    .probabilities(profiles(selectionNone));
            raws.add(raw);
            results.add(new ModelCard.CandidateResult(candidate.name(), candidate.trainer().toString(),
                    ModelCard.round(BinaryMetrics.auc(raw, observed)), ModelCard.round(BinaryMetrics.logLoss(raw, observed)), false));
            for (CalibrationMethod method : CalibrationMethod.values()) {
                pairings.add(new Pairing(c, method, outOfFoldLosses(raw, observed, fold, method)));
            }
        }
        int chosenIndex = choose(pairings);
        Pairing chosen = pairings.get(chosenIndex);
        List<ModelCard.CalibrationChoice> choices = new ArrayList<>();
        for (int p = 0; p < pairings.size(); p++) {
            Pairing pairing = pairings.get(p);
            choices.add(new ModelCard.CalibrationChoice(candidates.get(pairing.candidate()).name(), pairing.method().name(),
                    ModelCard.round(pairing.meanLoss()), ModelCard.round(standardErrorOfDifference(pairing, pairings.get(best(pairings)))),
                    p == chosenIndex));
        }
        ModelCard.CandidateResult chosenResult = results.get(chosen.candidate());
        results.set(chosen.candidate(), new ModelCard.CandidateResult(chosenResult.name(), chosenResult.trainer(),
                chosenResult.validationAuc(), chosenResult.validationLogLoss(), true));

        Calibration calibration = chosen.method().fit(raws.get(chosen.candidate()), observed);
        TribuoDistanceModel model = new TribuoDistanceModel(modelVersion, trained.get(chosen.candidate()), calibration, reference);
        Split split = new Split(n, n * 2 / 3, n * 5 / 6 - n * 2 / 3, n - n * 5 / 6, fitNone.size(),
                untreated(records.subList(n * 2 / 3, n * 5 / 6)).size(), untreated(records.subList(n * 5 / 6, n)).size());
        return new Fit(model, seed, chosenResult.name(), List.copyOf(results), List.copyOf(choices), split);
    }

    /** A candidate with a calibration method, and each selection client's out-of-fold log loss. */
    record Pairing(int candidate, CalibrationMethod method, double[] losses) {
        double meanLoss() {
            return BinaryMetrics.mean(losses);
        }
    }

    /** Each client's log loss under a calibration fitted on the other folds. */
    static double[] outOfFoldLosses(double[] raw, boolean[] observed, int[] fold, CalibrationMethod method) {
        double[] losses = new double[raw.length];
        for (int f = 0; f < SELECTION_FOLDS; f++) {
            int current = f;
            int[] train = IntStream.range(0, raw.length).filter(i -> fold[i] != current).toArray();
            boolean[] trainLabels = new boolean[train.length];
            double[] trainRaw = new double[train.length];
            for (int t = 0; t < train.length; t++) {
                trainRaw[t] = raw[train[t]];
                trainLabels[t] = observed[train[t]];
            }
            Calibration calibration = method.fit(trainRaw, trainLabels);
            for (int i = 0; i < raw.length; i++) {
                if (fold[i] == current) {
                    losses[i] = BinaryMetrics.logLoss(new double[] {calibration.apply(raw[i])}, new boolean[] {observed[i]});
                }
            }
        }
        return losses;
    }

    /** Index of the first (simplest) pairing whose mean loss is within one standard error of the best's. */
    static int choose(List<Pairing> pairings) {
        Pairing best = pairings.get(best(pairings));
        for (int p = 0; p < pairings.size(); p++) {
            if (pairings.get(p).meanLoss() <= best.meanLoss() + standardErrorOfDifference(pairings.get(p), best)) {
                return p;
            }
        }
        throw new IllegalStateException("no candidate");
    }

    private static int best(List<Pairing> pairings) {
        return IntStream.range(0, pairings.size()).boxed()
                .min(Comparator.comparingDouble(p -> pairings.get(p).meanLoss())).orElseThrow();
    }

    /** The standard error of the mean per-client difference in loss between two pairings (0 for a pairing and itself). */
    private static double standardErrorOfDifference(Pairing a, Pairing b) {
        double[] difference = new double[a.losses().length];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = a.losses()[i] - b.losses()[i];
        }
        double mean = BinaryMetrics.mean(difference);
        double squares = 0;
        for (double d : difference) {
            squares += (d - mean) * (d - mean);
        }
        return Math.sqrt(squares / (difference.length - 1) / difference.length);
    }

    private static int[] labels(boolean[] observed) {
        int[] result = new int[observed.length];
        for (int i = 0; i < observed.length; i++) {
            result[i] = observed[i] ? 1 : 0;
        }
        return result;
    }

    private MutableDataset<Label> dataset(List<TrainingRecord> records, String description) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                description + ", untreated fit split", DATA_TIMESTAMP, labels), labels);
        for (TrainingRecord record : records) {
            Label label = new Label(record.within12().worked() ? TribuoDistanceModel.WORKED : TribuoDistanceModel.NOT_WORKED);
            dataset.add(encoder.toExample(record.profile(), label));
        }
        return dataset;
    }

    /**
     * The typical client: per field the median (numbers) or most common value (categories) among
     * the training clients who have that field. Never-worked clients are a minority, so the typical
     * client has a last job.
     */
    static IntakeProfile referenceProfile(List<TrainingRecord> records) {
        IntakeProfile reference = records.get(0).profile();
        for (ProfileField field : ProfileField.values()) {
            List<Object> values = records.stream()
                    .map(r -> field.valueOf(r.profile())).filter(v -> v != null).toList();
            reference = reference.with(field, values.get(0) instanceof Number ? median(values) : mode(values));
        }
        return reference;
    }

    @SuppressWarnings("unchecked")
    private static Object median(List<Object> values) {
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
        return sorted.get(sorted.size() / 2);
    }

    private static Object mode(Collection<Object> values) {
        Map<Object, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        // Ties broken by text, so the reference does not depend on hash order.
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Object, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    private static List<TrainingRecord> untreated(List<TrainingRecord> records) {
        return records.stream().filter(r -> r.gotNothing() && r.within12().known()).toList();
    }

    private static List<IntakeProfile> profiles(List<TrainingRecord> records) {
        return records.stream().map(TrainingRecord::profile).toList();
    }

    private static boolean[] observed12(List<TrainingRecord> records) {
        boolean[] result = new boolean[records.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = records.get(i).within12().worked();
        }
        return result;
    }

    private static final String SELECTION_RULE = "lowest " + SELECTION_FOLDS + "-fold cross-validated log loss on the "
            + "selection split (validation and calibration pooled) over every candidate with every calibration (Platt, "
            + "isotonic), except that the simplest pairing (candidates in the order listed, Platt first) within one "
            + "standard error of the best is preferred; its calibration is then fitted on the whole selection split";

    private static final String INTENDED_USE = "Supports a klantmanager at intake or reassessment of a bijstand client: "
            + "an estimate of the client's chance of paid work within 12 months without intervention, its category and "
            + "the facts that move it, to be discussed with the client. Advisory only; the klantmanager decides and can "
            + "override. Not for fraud detection, sanctions or any purpose other than re-integration support.";

    private static final List<String> KNOWN_LIMITS = List.of(
            "Trained and evaluated on synthetic data only; the metrics show how well the method recovers a known truth, "
                    + "not how well it predicts real clients. Retrain and re-evaluate on the municipality's own history before use.",
            "Learns from clients who got no intervention; if klantmanagers chose on facts not in the intake, the estimate is biased.",
            "Missing fields lower accuracy; the score lists them and the factors say what each gap did.",
            "Dutch language level is a known proxy for migration background; check the subgroup metrics before every release.",
            "Factors compare to a typical client one field at a time; they do not add up to the difference from that client.");
}
