package nl.trede.core.distance;

import java.util.List;
import java.util.Locale;
import nl.trede.core.evaluation.BinaryMetrics.CalibrationBin;

/** Renders a {@link ModelCard} as Markdown for people (auditors, the Algoritmeregister, data scientists). */
final class ModelCardMarkdown {

    private ModelCardMarkdown() {
    }

    static String render(ModelCard card) {
        StringBuilder md = new StringBuilder();
        ModelCard.HeldOut h = card.heldOut();
        ModelCard.TrainingData t = card.trainingData();
        md.append("# Model card: ").append(card.modelVersion()).append("\n\n");
        md.append("**Predicts:** ").append(card.predicts()).append(".\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "model file", "`" + card.modelFile() + "` (Tribuo " + card.tribuoVersion() + " protobuf)");
        row(md, "SHA-256", "`" + card.modelSha256() + "`");
        row(md, "chosen candidate", card.chosenCandidate() + " (" + card.selectionRule() + ")");
        row(md, "calibration", card.calibration().describe());
        row(md, "feature encoding", card.featureEncoding() + " (" + card.featureColumns().size() + " columns, no protected attributes)");
        row(md, "regenerate with", "`" + card.regenerateWith() + "`");
        md.append("\n## Training data\n\n").append(t.source()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Generator seed %d; settings %s. %d training clients: fit %d, validation %d, "
                + "calibration %d; of these, %d / %d / %d got no intervention and are used. Label: %s. Held out: %d clients.%n",
                t.generatorSeed(), t.generatorSettings(), t.trainingClients(), t.fitClients(), t.validationClients(),
                t.calibrationClients(), t.fitExamples(), t.validationExamples(), t.calibrationExamples(), t.label(), h.clients()));
        md.append("\n## Candidates (selection split, uncalibrated)\n\n| candidate | AUC | log loss | chosen |\n|---|---|---|---|\n");
        card.candidates().forEach(c -> md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %s |%n",
                c.name(), c.validationAuc(), c.validationLogLoss(), c.chosen() ? "yes" : "")));
        md.append("\n## Candidate and calibration (cross-validated log loss on the selection split)\n\n"
                + "| candidate | calibration | log loss | standard error of the difference to the best | chosen |\n|---|---|---|---|---|\n");
        card.calibrationChoices().forEach(c -> md.append(String.format(Locale.ROOT, "| %s | %s | %.5f | %.5f | %s |%n",
                c.candidate(), c.calibration(), c.crossValidatedLogLoss(), c.standardErrorToBest(), c.chosen() ? "yes" : "")));
        md.append("\n## Held-out performance (").append(h.clients()).append(" clients)\n\n");
        md.append("Label: ").append(h.label()).append(".\n\n| metric | value |\n|---|---|\n");
        row(md, "AUC", f(h.auc()));
        row(md, "Bayes-optimal AUC (true probabilities)", f(h.bayesOptimalAuc()));
        row(md, "gap to Bayes-optimal", f(h.aucGap()));
        row(md, "expected calibration error (" + h.eceBinning() + ")", f(h.expectedCalibrationError()));
        row(md, "expected calibration error (10 equal-width bins)", f(h.expectedCalibrationErrorEqualWidth()));
        row(md, "Brier score", f(h.brier()));
        row(md, "mean predicted / observed / mean true probability",
                f(h.meanPredicted()) + " / " + f(h.observedRate()) + " / " + f(h.meanTrueProbability()));
        row(md, "top decile: mean predicted − mean true probability", String.format(Locale.ROOT, "%+.4f", h.topDecileGap()));
        row(md, "predicted category = category of the true probability", f(h.categoryAgreement().agreement()));
        md.append("\n### Calibration per decile of the prediction\n\n| decile | n | predicted from | to | mean predicted | observed | mean true |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (int d = 0; d < h.calibrationTable().size(); d++) {
            CalibrationBin b = h.calibrationTable().get(d);
            md.append(String.format(Locale.ROOT, "| %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n", d + 1,
                    b.n(), b.lower(), b.upper(), b.meanPredicted(), b.observedRate(), h.calibrationTableTrueProbability().get(d)));
        }
        md.append("\n### Calibration per category\n\n| predicted category | n | mean predicted | observed | mean true |\n|---|---|---|---|---|\n");
        h.categories().forEach(c -> md.append(String.format(Locale.ROOT, "| %d | %d | %.4f | %.4f | %.4f |%n",
                c.category(), c.n(), c.meanPredicted(), c.observedRate(), c.meanTrueProbability())));
        md.append("\n### Calibration at the category boundaries (predictions within ±")
                .append(f(h.boundaries().isEmpty() ? 0 : h.boundaries().get(0).window()))
                .append(")\n\n| boundary | n | mean predicted | observed | mean true |\n|---|---|---|---|---|\n");
        h.boundaries().forEach(b -> md.append(String.format(Locale.ROOT, "| %.2f | %d | %.4f | %.4f | %.4f |%n",
                b.boundary(), b.n(), b.meanPredicted(), b.observedRate(), b.meanTrueProbability())));
        md.append("\n### Category agreement\n\nRows: the category of the true probability; columns: the predicted category.\n\n"
                + "| true \\ predicted | 1 | 2 | 3 | 4 | placed right |\n|---|---|---|---|---|---|\n");
        for (int row = 0; row < h.categoryAgreement().confusion().size(); row++) {
            List<Integer> counts = h.categoryAgreement().confusion().get(row);
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %.4f |%n", row + 1, counts.get(0), counts.get(1),
                    counts.get(2), counts.get(3), h.categoryAgreement().byTrueCategory().get(row)));
        }
        md.append("\n## Subgroups (protected attributes, used for monitoring only)\n\n"
                + "| attribute | group | n | AUC | Bayes-optimal AUC | mean predicted | observed | mean true |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        card.subgroups().forEach(s -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                s.attribute(), s.group(), s.n(), s.auc(), s.bayesOptimalAuc(), s.meanPredicted(), s.observedRate(),
                s.meanTrueProbability())));
        md.append("\n## Reference (typical) client for factors\n\n`").append(card.referenceProfile()).append("`\n");
        md.append("\n## Intended use\n\n").append(card.intendedUse()).append("\n\n## Known limits\n\n");
        card.knownLimits().forEach(limit -> md.append("- ").append(limit).append('\n'));
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
