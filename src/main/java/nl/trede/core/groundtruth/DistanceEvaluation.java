package nl.trede.core.groundtruth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.distance.DistanceCategory;
import nl.trede.core.distance.DistanceModelTrainer;
import nl.trede.core.distance.ModelCard;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.evaluation.BinaryMetrics;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;

/**
 * Judges a fitted distance model on held-out simulated clients against their true outcome without
 * intervention (the potential outcome of the NONE arm), next to the Bayes-optimal AUC of the true
 * probabilities, overall and per protected subgroup, and completes its model card.
 */
public final class DistanceEvaluation {

    private static final int CALIBRATION_BINS = 10;
    /** How close to a category boundary a prediction must be to count as near it. */
    static final double BOUNDARY_WINDOW = 0.02;

    private DistanceEvaluation() {
    }

    /**
     * @param population      the draw the model was trained on: its first {@code trainingClients}
     *                        were the training data, the rest are held out
     */
    public static DistanceModelTrainer.Result evaluate(DistanceModelTrainer.Fit fit, SyntheticPopulation population,
                                                       int trainingClients) {
        List<SimulatedClient> heldOut = population.clients().subList(trainingClients, population.size());
        String source = "synthetic bijstand population (nl.trede.core.synth.PopulationGenerator, ground truth "
                + "nl.trede.core.synth.TrueOutcomeModel); clients " + trainingClients + " to " + population.size()
                + " of the same draw are held out";
        return fit.card(source, population.seed(), population.settings(), heldOut(fit.model(), heldOut),
                subgroups(fit.model(), heldOut));
    }

    static ModelCard.HeldOut heldOut(TribuoDistanceModel model, List<SimulatedClient> clients) {
        double[] predicted = model.probabilities(profiles(clients));
        boolean[] outcome = untreatedOutcome12(clients);
        double[] truth = trueBaseline12(clients);
        double auc = BinaryMetrics.auc(predicted, outcome);
        double bayes = BinaryMetrics.auc(truth, outcome);
        List<BinaryMetrics.CalibrationBin> table = BinaryMetrics.calibrationTable(predicted, outcome, CALIBRATION_BINS, true);
        double[] truthPerBin = BinaryMetrics.meanPerEqualMassBin(predicted, truth, CALIBRATION_BINS);
        return new ModelCard.HeldOut(clients.size(),
                "paid work within 12 months without intervention (ground truth potential outcome)",
                ModelCard.round(auc), ModelCard.round(bayes), ModelCard.round(bayes - auc),
                ModelCard.round(BinaryMetrics.expectedCalibrationError(predicted, outcome, CALIBRATION_BINS, true)),
                CALIBRATION_BINS + " equal-mass bins (deciles of the prediction)",
                ModelCard.round(BinaryMetrics.expectedCalibrationError(predicted, outcome, CALIBRATION_BINS, false)),
                ModelCard.round(BinaryMetrics.brier(predicted, outcome)),
                ModelCard.round(BinaryMetrics.mean(predicted)), ModelCard.round(BinaryMetrics.rate(outcome)), ModelCard.round(BinaryMetrics.mean(truth)),
                table.stream()
                        .map(b -> new BinaryMetrics.CalibrationBin(b.n(), ModelCard.round(b.lower()), ModelCard.round(b.upper()),
                                ModelCard.round(b.meanPredicted()), ModelCard.round(b.observedRate())))
                        .toList(),
                Arrays.stream(truthPerBin).map(ModelCard::round).boxed().toList(),
                ModelCard.round(table.get(table.size() - 1).meanPredicted() - truthPerBin[truthPerBin.length - 1]),
                categories(predicted, outcome, truth), boundaries(predicted, outcome, truth), agreement(predicted, truth));
    }

    /** Per predicted category: how many, mean predicted, observed rate and mean true probability. */
    static List<ModelCard.CategoryCalibration> categories(double[] predicted, boolean[] outcome, double[] truth) {
        List<ModelCard.CategoryCalibration> result = new ArrayList<>();
        for (DistanceCategory category : DistanceCategory.values()) {
            int[] members = IntStream.range(0, predicted.length)
                    .filter(i -> DistanceCategory.of(predicted[i]) == category).toArray();
            result.add(new ModelCard.CategoryCalibration(category.number(), members.length,
                    ModelCard.round(meanOf(predicted, members)), ModelCard.round(rateOf(outcome, members)),
                    ModelCard.round(meanOf(truth, members))));
        }
        return result;
    }

    /** The clients predicted within {@value #BOUNDARY_WINDOW} of each boundary between two categories. */
    static List<ModelCard.BoundaryCalibration> boundaries(double[] predicted, boolean[] outcome, double[] truth) {
        List<ModelCard.BoundaryCalibration> result = new ArrayList<>();
        for (DistanceCategory category : DistanceCategory.values()) {
            double boundary = category.minimumProbability();
            if (boundary == 0) {
                continue;
            }
            int[] near = IntStream.range(0, predicted.length)
                    .filter(i -> Math.abs(predicted[i] - boundary) <= BOUNDARY_WINDOW).toArray();
            result.add(new ModelCard.BoundaryCalibration(boundary, BOUNDARY_WINDOW, near.length,
                    ModelCard.round(meanOf(predicted, near)), ModelCard.round(rateOf(outcome, near)),
                    ModelCard.round(meanOf(truth, near))));
        }
        return result;
    }

    /** The predicted category against the category of the true probability. */
    static ModelCard.CategoryAgreement agreement(double[] predicted, double[] truth) {
        int categories = DistanceCategory.values().length;
        int[][] confusion = new int[categories][categories];
        int agree = 0;
        for (int i = 0; i < predicted.length; i++) {
            int t = DistanceCategory.of(truth[i]).number() - 1;
            int p = DistanceCategory.of(predicted[i]).number() - 1;
            confusion[t][p]++;
            agree += t == p ? 1 : 0;
        }
        List<Double> byTrue = new ArrayList<>();
        for (int t = 0; t < categories; t++) {
            int total = Arrays.stream(confusion[t]).sum();
            byTrue.add(ModelCard.round(total == 0 ? Double.NaN : confusion[t][t] / (double) total));
        }
        return new ModelCard.CategoryAgreement(ModelCard.round(agree / (double) predicted.length),
                Arrays.stream(confusion).map(row -> Arrays.stream(row).boxed().toList()).toList(), byTrue);
    }

    private static double meanOf(double[] values, int[] members) {
        return members.length == 0 ? Double.NaN : Arrays.stream(members).mapToDouble(i -> values[i]).sum() / members.length;
    }

    private static double rateOf(boolean[] values, int[] members) {
        return members.length == 0 ? Double.NaN : Arrays.stream(members).filter(i -> values[i]).count() / (double) members.length;
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
                .collect(Collectors.groupingBy(group, TreeMap::new, Collectors.toList()));
        List<ModelCard.SubgroupMetrics> result = new ArrayList<>();
        groups.forEach((name, members) -> {
            double[] predicted = model.probabilities(profiles(members));
            boolean[] outcome = untreatedOutcome12(members);
            double[] truth = trueBaseline12(members);
            result.add(new ModelCard.SubgroupMetrics(attribute, name, members.size(),
                    ModelCard.round(BinaryMetrics.auc(predicted, outcome)), ModelCard.round(BinaryMetrics.auc(truth, outcome)),
                    ModelCard.round(BinaryMetrics.mean(predicted)), ModelCard.round(BinaryMetrics.rate(outcome)), ModelCard.round(BinaryMetrics.mean(truth))));
        });
        return result;
    }

    private static List<IntakeProfile> profiles(List<SimulatedClient> clients) {
        return clients.stream().map(SimulatedClient::profile).toList();
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
}
