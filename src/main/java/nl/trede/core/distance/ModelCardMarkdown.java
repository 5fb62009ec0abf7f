package nl.trede.core.distance;

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
        row(md, "calibration", String.format(Locale.ROOT, "Platt scaling: slope %.4f, intercept %.4f",
                card.calibration().slope(), card.calibration().intercept()));
        row(md, "feature encoding", card.featureEncoding() + " (" + card.featureColumns().size() + " columns, no protected attributes)");
        row(md, "regenerate with", "`" + card.regenerateWith() + "`");
        md.append("\n## Training data\n\n").append(t.source()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Generator seed %d; settings %s. %d training clients: fit %d, validation %d, "
                + "calibration %d; of these, %d / %d / %d got no intervention and are used. Label: %s. Held out: %d clients.%n",
                t.generatorSeed(), t.generatorSettings(), t.trainingClients(), t.fitClients(), t.validationClients(),
                t.calibrationClients(), t.fitExamples(), t.validationExamples(), t.calibrationExamples(), t.label(), h.clients()));
        md.append("\n## Candidates (validation split, uncalibrated)\n\n| candidate | validation AUC | validation log loss | chosen |\n|---|---|---|---|\n");
        card.candidates().forEach(c -> md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %s |%n",
                c.name(), c.validationAuc(), c.validationLogLoss(), c.chosen() ? "yes" : "")));
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
        md.append("\n### Calibration table\n\n| n | predicted from | to | mean predicted | observed |\n|---|---|---|---|---|\n");
        for (CalibrationBin b : h.calibrationTable()) {
            md.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %.4f | %.4f |%n",
                    b.n(), b.lower(), b.upper(), b.meanPredicted(), b.observedRate()));
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
