package nl.trede.core.distance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.evaluation.BinaryMetrics;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;
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
 * Trains the distance model on a synthetic population and evaluates it against ground truth.
 *
 * <p>The training population is split into fit (2/3), validation (1/6) and calibration (1/6).
 * Only clients who historically got no intervention are used, with their observed 12-month
 * outcome: that is the label the distance score defines, and the one a municipality has. Because
 * klantmanagers chose on the intake alone, P(work | intake, NONE) is unbiased for the outcome
 * without intervention. Candidates are compared by validation AUC; the simplest candidate within
 * {@link #SELECTION_TOLERANCE} of the best is chosen (a one-standard-error rule: smaller differences
 * are within the validation split's sampling error, and a simpler model is faster to score, smoother
 * to explain and smaller to audit). It is Platt-calibrated on the calibration split, and it is judged on held-out clients against their true outcome without
 * intervention, next to the Bayes-optimal AUC of the true probabilities.
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
    private static final int CALIBRATION_BINS = 10;
    /** Validation-AUC difference below which the simpler candidate is preferred. */
    public static final double SELECTION_TOLERANCE = 0.005;

    /**
     * What to train.
     *
     * @param seed             generator seed; also seeds the trainers
     * @param trainingClients  clients for fit, validation and calibration together
     * @param heldOutClients   further clients, used only for the reported metrics
     * @param version          model version without the kind, e.g. {@code 1.0.0} for {@code distance-1.0.0}
     */
    public record Settings(long seed, int trainingClients, int heldOutClients, String version,
            PopulationGenerator.Settings generator) {

        public static Settings standard(long seed) {
            return new Settings(seed, 60_000, 50_000, "1.0.0", PopulationGenerator.Settings.defaults());
        }
    }

    /** A trainer to compare, with a short name for the model card. */
    public record Candidate(String name, Trainer<Label> trainer) {
    }

    /** The trained, calibrated model and its card (whose model hash is filled in when the file is written). */
    public record Result(TribuoDistanceModel model, ModelCard card) {
    }

    private final FeatureEncoder encoder = new FeatureEncoder();
    private final LabelFactory labels = new LabelFactory();

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

    public Result train(Settings settings) {
        return train(settings, standardCandidates(settings.seed()));
    }

    public Result train(Settings settings, List<Candidate> candidates) {
        String modelVersion = "distance-" + settings.version();
        PopulationGenerator generator = new PopulationGenerator(settings.generator());
        SyntheticPopulation population = generator.generate(settings.trainingClients() + settings.heldOutClients(), settings.seed());
        int n = settings.trainingClients();
        SyntheticPopulation fit = population.slice(0, n * 2 / 3);
        SyntheticPopulation validation = population.slice(n * 2 / 3, n * 5 / 6);
        SyntheticPopulation calibrationSplit = population.slice(n * 5 / 6, n);
        SyntheticPopulation heldOut = population.slice(n, population.size());

        List<SimulatedClient> fitNone = untreated(fit);
        List<SimulatedClient> validationNone = untreated(validation);
        List<SimulatedClient> calibrationNone = untreated(calibrationSplit);
        MutableDataset<Label> dataset = dataset(fitNone, settings.seed());
        IntakeProfile reference = referenceProfile(population.slice(0, n));

        List<ModelCard.CandidateResult> results = new ArrayList<>();
        List<Model<Label>> trained = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Model<Label> model = candidate.trainer().train(dataset);
            trained.add(model);
            double[] raw = new TribuoDistanceModel(modelVersion, model, PlattCalibration.IDENTITY, reference)
                    .probabilities(profiles(validationNone));
            boolean[] observed = observed12(validationNone);
            double auc = BinaryMetrics.auc(raw, observed);
            results.add(new ModelCard.CandidateResult(candidate.name(), candidate.trainer().toString(),
                    round(auc), round(BinaryMetrics.logLoss(raw, observed)), false));
        }
        int bestIndex = choose(results);
        Model<Label> best = trained.get(bestIndex);
        ModelCard.CandidateResult chosen = results.get(bestIndex);
        results.set(bestIndex, new ModelCard.CandidateResult(chosen.name(), chosen.trainer(), chosen.validationAuc(),
                chosen.validationLogLoss(), true));

        double[] calibrationRaw = new TribuoDistanceModel(modelVersion, best, PlattCalibration.IDENTITY, reference)
                .probabilities(profiles(calibrationNone));
        PlattCalibration calibration = PlattCalibration.fit(calibrationRaw, observed12(calibrationNone));
        TribuoDistanceModel model = new TribuoDistanceModel(modelVersion, best, calibration, reference);

        ModelCard.TrainingData trainingData = new ModelCard.TrainingData(
                "synthetic bijstand population (nl.trede.core.synth.PopulationGenerator, ground truth "
                        + "nl.trede.core.synth.TrueOutcomeModel); clients " + n + " to " + population.size()
                        + " of the same draw are held out",
                settings.seed(), settings.generator(), n, fit.size(), validation.size(), calibrationSplit.size(),
                fitNone.size(), validationNone.size(), calibrationNone.size(),
                "observed paid work within 12 months, clients with no intervention in the history only");
        ModelCard card = new ModelCard(
                modelVersion,
                "Probability of paid work within 12 months without intervention (distance to the labour market)",
                12, ModelFiles.modelFileName(modelVersion), null, chosen.name(), SELECTION_RULE, org.tribuo.Tribuo.VERSION,
                FeatureEncoder.VERSION, encoder.columnNames(), calibration, reference, trainingData, results,
                evaluate(model, heldOut.clients()), subgroups(model, heldOut.clients()),
                INTENDED_USE, KNOWN_LIMITS,
                "java -jar target/quarkus-app/quarkus-run.jar train-models --seed " + settings.seed() + " --out models");
        return new Result(model, card);
    }

    /** Index of the first (simplest) candidate within the tolerance of the best validation AUC. */
    static int choose(List<ModelCard.CandidateResult> results) {
        double bestAuc = results.stream().mapToDouble(ModelCard.CandidateResult::validationAuc).max().orElseThrow();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).validationAuc() >= bestAuc - SELECTION_TOLERANCE) {
                return i;
            }
        }
        throw new IllegalStateException("no candidate");
    }

    private MutableDataset<Label> dataset(List<SimulatedClient> clients, long seed) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                "synthetic bijstand population, seed " + seed + ", untreated fit split", DATA_TIMESTAMP, labels), labels);
        for (SimulatedClient client : clients) {
            Label label = new Label(client.worked12() ? TribuoDistanceModel.WORKED : TribuoDistanceModel.NOT_WORKED);
            dataset.add(encoder.toExample(client.profile(), label));
        }
        return dataset;
    }

    /** Held-out metrics against the outcome without intervention (the potential outcome of the NONE arm). */
    static ModelCard.HeldOut evaluate(TribuoDistanceModel model, List<SimulatedClient> clients) {
        double[] predicted = model.probabilities(profiles(clients));
        boolean[] outcome = untreatedOutcome12(clients);
        double[] truth = trueBaseline12(clients);
        double auc = BinaryMetrics.auc(predicted, outcome);
        double bayes = BinaryMetrics.auc(truth, outcome);
        return new ModelCard.HeldOut(clients.size(),
                "paid work within 12 months without intervention (ground truth potential outcome)",
                round(auc), round(bayes), round(bayes - auc),
                round(BinaryMetrics.expectedCalibrationError(predicted, outcome, CALIBRATION_BINS, true)),
                CALIBRATION_BINS + " equal-mass bins (deciles of the prediction)",
                round(BinaryMetrics.expectedCalibrationError(predicted, outcome, CALIBRATION_BINS, false)),
                round(BinaryMetrics.brier(predicted, outcome)),
                round(BinaryMetrics.mean(predicted)), round(BinaryMetrics.rate(outcome)), round(BinaryMetrics.mean(truth)),
                BinaryMetrics.calibrationTable(predicted, outcome, CALIBRATION_BINS, true).stream()
                        .map(b -> new BinaryMetrics.CalibrationBin(b.n(), round(b.lower()), round(b.upper()),
                                round(b.meanPredicted()), round(b.observedRate())))
                        .toList());
    }

    static List<ModelCard.SubgroupMetrics> subgroups(TribuoDistanceModel model, List<SimulatedClient> clients) {
        List<ModelCard.SubgroupMetrics> result = new ArrayList<>();
        result.addAll(subgroups(model, clients, "gender", c -> c.gender().name()));
        result.addAll(subgroups(model, clients, "migrationBackground", c -> Boolean.toString(c.migrationBackground())));
        return result;
    }

    private static List<ModelCard.SubgroupMetrics> subgroups(TribuoDistanceModel model, List<SimulatedClient> clients,
            String attribute, Function<SimulatedClient, String> group) {
        Map<String, List<SimulatedClient>> groups = clients.stream()
                .collect(Collectors.groupingBy(group, java.util.TreeMap::new, Collectors.toList()));
        List<ModelCard.SubgroupMetrics> result = new ArrayList<>();
        groups.forEach((name, members) -> {
            double[] predicted = model.probabilities(profiles(members));
            boolean[] outcome = untreatedOutcome12(members);
            double[] truth = trueBaseline12(members);
            result.add(new ModelCard.SubgroupMetrics(attribute, name, members.size(),
                    round(BinaryMetrics.auc(predicted, outcome)), round(BinaryMetrics.auc(truth, outcome)),
                    round(BinaryMetrics.mean(predicted)), round(BinaryMetrics.rate(outcome)), round(BinaryMetrics.mean(truth))));
        });
        return result;
    }

    /**
     * The typical client: per field the median (numbers) or most common value (categories) among
     * the training clients who have that field. Never-worked clients are a minority, so the typical
     * client has a last job.
     */
    static IntakeProfile referenceProfile(SyntheticPopulation population) {
        IntakeProfile reference = population.clients().get(0).trueProfile();
        for (ProfileField field : ProfileField.values()) {
            List<Object> values = population.clients().stream()
                    .map(c -> field.valueOf(c.profile())).filter(v -> v != null).toList();
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

    private static List<SimulatedClient> untreated(SyntheticPopulation population) {
        Predicate<SimulatedClient> none = c -> Intervention.NONE.equals(c.intervention());
        return population.clients().stream().filter(none).toList();
    }

    static List<IntakeProfile> profiles(List<SimulatedClient> clients) {
        return clients.stream().map(SimulatedClient::profile).toList();
    }

    private static boolean[] observed12(List<SimulatedClient> clients) {
        boolean[] result = new boolean[clients.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = clients.get(i).worked12();
        }
        return result;
    }

    private static boolean[] untreatedOutcome12(List<SimulatedClient> clients) {
        boolean[] result = new boolean[clients.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = clients.get(i).potentialOutcome(Intervention.NONE, 12);
        }
        return result;
    }

    private static double[] trueBaseline12(List<SimulatedClient> clients) {
        return clients.stream().mapToDouble(c -> c.baselineProbability(12)).toArray();
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static final String SELECTION_RULE = "highest validation AUC, except that the simplest candidate (in the "
            + "order listed) within " + SELECTION_TOLERANCE + " AUC of the best is preferred";

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
