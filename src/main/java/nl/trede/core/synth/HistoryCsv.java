package nl.trede.core.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.training.HistoryCsvData;

/**
 * Writes a simulated history as CSV, one row per client: {@code clientId}, the intake fields under
 * their API names (empty = missing; an empty {@code monthsSinceLastJob} means never worked), the
 * assigned {@code intervention}, the observed {@code worked12} and {@code worked24} (0/1), the
 * {@code knownPropensity} of what a randomised client got (the design's probability, which a
 * municipality that randomised knows; empty for a klantmanager's choice), and the protected
 * attributes {@code gender} and {@code migrationBackground}; {@link HistoryCsvData} reads it back
 * as training data, and a training run groups its evaluation by the protected attributes.
 *
 * <p>With ground truth, it appends the true {@code propensity}, whether the row was
 * {@code randomised}, and {@code p12_<CODE>} / {@code p24_<CODE>}, the true probabilities under every
 * intervention: for evaluating an effect estimator, never for fitting one.
 */
public final class HistoryCsv {

    private HistoryCsv() {
    }

    public static List<String> header(boolean withGroundTruth) {
        List<String> columns = new ArrayList<>();
        columns.add(HistoryCsvData.CLIENT_ID);
        for (ProfileField field : ProfileField.values()) {
            columns.add(field.fieldName());
        }
        columns.addAll(List.of(HistoryCsvData.INTERVENTION, HistoryCsvData.WORKED_12, HistoryCsvData.WORKED_24,
                HistoryCsvData.KNOWN_PROPENSITY, HistoryCsvData.GENDER, HistoryCsvData.MIGRATION_BACKGROUND));
        if (withGroundTruth) {
            columns.addAll(List.of("propensity", "randomised"));
            for (int horizon : new int[] {12, 24}) {
                for (Intervention intervention : TrueOutcomeModel.STANDARD.interventions()) {
                    columns.add("p" + horizon + "_" + intervention.code());
                }
            }
        }
        return columns;
    }

    public static void write(SyntheticPopulation population, Path file, boolean withGroundTruth) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(population, out, withGroundTruth);
        }
    }

    public static void write(SyntheticPopulation population, Writer out, boolean withGroundTruth) throws IOException {
        out.write(String.join(",", header(withGroundTruth)));
        out.write('\n');
        for (SimulatedClient client : population.clients()) {
            out.write(row(client, withGroundTruth));
            out.write('\n');
        }
    }

    private static String row(SimulatedClient client, boolean withGroundTruth) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(client.id()));
        for (ProfileField field : ProfileField.values()) {
            Object value = field.valueOf(client.profile());
            cells.add(value == null ? "" : value.toString());
        }
        cells.add(client.intervention());
        cells.add(client.worked12() ? "1" : "0");
        cells.add(client.worked24() ? "1" : "0");
        cells.add(client.randomised() ? Double.toString(PopulationGenerator.randomisedProbability(client.profile())) : "");
        cells.add(client.gender().name());
        cells.add(Boolean.toString(client.migrationBackground()));
        if (withGroundTruth) {
            cells.add(format(client.propensity()));
            cells.add(Boolean.toString(client.randomised()));
            for (int horizon : new int[] {12, 24}) {
                for (Intervention intervention : TrueOutcomeModel.STANDARD.interventions()) {
                    cells.add(format(client.trueProbability(intervention.code(), horizon)));
                }
            }
        }
        return String.join(",", cells);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
