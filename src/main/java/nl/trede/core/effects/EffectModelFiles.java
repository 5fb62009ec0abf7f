package nl.trede.core.effects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.trede.core.digest.Sha256;
import nl.trede.core.distance.ModelFiles;

/**
 * Writes a trained effect model into the models directory: {@code <version>.json} (the model),
 * {@code <version>.card.json} and {@code <version>.card.md} (its card, with the model file's
 * SHA-256), and the registry's {@value LearnedEffectModel#KIND} entry with the card's SHA-256.
 */
public final class EffectModelFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EffectModelFiles() {
    }

    public static EffectModelCard publish(Path modelsDir, EffectModelTrainer.Settings settings,
                                          EffectModelTrainer.Result result, EffectModelCard.TrainingCost cost,
                                          String regenerate) throws IOException {
        Files.createDirectories(modelsDir);
        String version = settings.version();
        String modelFile = version + ".json";
        byte[] model = result.model().toJson();
        Files.write(modelsDir.resolve(modelFile), model);
        EffectModelCard card = card(settings, result, cost, modelFile, Sha256.hex(model), regenerate);
        Files.writeString(modelsDir.resolve(version + ".card.md"), markdown(card));
        byte[] cardJson = (JSON.writeValueAsString(card) + "\n").getBytes(StandardCharsets.UTF_8);
        ModelFiles.writeAndRegister(modelsDir, LearnedEffectModel.KIND, version, version + ".card.json", cardJson);
        return card;
    }

    static EffectModelCard card(EffectModelTrainer.Settings s, EffectModelTrainer.Result r,
                                EffectModelCard.TrainingCost cost, String modelFile, String sha, String regenerate) {
        var p = s.population();
        EffectFeatures features = new EffectFeatures();
        List<String> finalStage = new ArrayList<>();
        for (int c : features.effectModifierColumns()) {
            finalStage.add(features.columnNames().get(c));
        }
        var e = s.estimator();
        List<String> selected = new ArrayList<>();
        for (LearnedEffectModel.ArmModel arm : r.model().stored().models()) {
            var provenance = arm.model().provenance();
            selected.add(String.format(Locale.ROOT, "%d months, %s: propensity %s | outcome NONE %s | outcome %s %s | final stage %s",
                    arm.horizonMonths(), arm.intervention(), provenance.get("propensity"),
                    provenance.get("outcome." + LearnedEffectModel.CONTROL), arm.intervention(),
                    provenance.get("outcome." + arm.intervention()), provenance.get("finalStage")));
        }
        return new EffectModelCard(s.version(),
                "client-level causal effect of each intervention on P(paid work within 12 / 24 months), versus NONE",
                "percentage points", modelFile, sha, regenerate,
                new EffectModelCard.TrainingData("synthetic: nl.trede.core.synth.PopulationGenerator (cream-skimmed history, "
                        + "TrueOutcomeModel.STANDARD ground truth); no real client data",
                        s.historySeed(), s.historyClients(), s.heldOutSeed(), s.heldOutClients(), p.missingShare(),
                        p.randomisedShare(), p.creamSkimming(), p.programmeShare()),
                new EffectModelCard.Method("per intervention and horizon, on the clients eligible for it: cross-fitted "
                        + "(" + e.folds() + " folds) propensity over NONE / the intervention / OTHER and one outcome model "
                        + "per arm, each chosen by cross-validated log loss between ridge logistic regression and boosted "
                        + "trees (no warm start across folds); AIPW (doubly robust) scores; DR-learner final stage chosen by "
                        + "cross-validated DR loss between ridge (three penalties) and boosted trees (depth 2 or 3, "
                        + "several numbers of rounds) on the named effect modifiers; the baseline-chance column is cross-fitted",
                        EffectFeatures.VERSION, features.columnNames(), finalStage, e.folds(), e.propensityClip(),
                        "normalised inverse-propensity weights (Knaus 2022): each arm's weights 1{A=k}/e_k divided by "
                                + "their mean, propensities clipped below at " + e.propensityClip(),
                        "on the training history only: folds of the history, a criterion that needs no ground truth "
                                + "(cross-validated log loss for the nuisance models, DR loss for the final stage and the "
                                + "prior's weight); the truth of the simulation is read only afterwards, for this card",
                        "linear final stage: HC0 sandwich covariance of the ridge coefficients; tree final stage: "
                                + e.replicates() + " bootstrap replicates of the final stage (Poisson(1) weights keyed by "
                                + "the client), estimate = their mean, standard error = their standard deviation; both "
                                + "ignore the (second-order) error of the cross-fitted nuisance models",
                        "blend with the catalogue's literature prior (PriorEffectModel): estimate = (1 - s) learned + s prior, "
                                + "s chosen from {0, 0.25, 0.5, 0.75, 1} by cross-validated DR loss; priorShare = s",
                        "off support (no number, 'not enough comparable history') when the estimated propensity of the "
                                + "intervention or of NONE is below max(0.01, 0.1 x its share), or a feature lies outside "
                                + "the range seen among clients who got it; average effects are over the clients on support",
                        "Recommender rule: tied when |a - b| <= 1.96 sqrt(se_a^2 + se_b^2) (independent standard errors; "
                                + "interventions are fitted separately, so no joint covariance)",
                        selected),
                cost, r.arms(), r.policy(),
                List.of("Learned from a SIMULATED history: the numbers say the method recovers effects the simulation "
                                + "put in, not what the interventions do in any municipality.",
                        "No unmeasured confounding is assumed: if klantmanagers chose on something the intake does not "
                                + "record, every estimate is biased and no interval shows it.",
                        "Client-level effects depend only on the named effect modifiers; the client-level interval "
                                + "measures the final stage's sampling error, not the bias of its regularisation.",
                        "An intervention's average effect is over the eligible clients on support for it, not over everyone.",
                        "Each intervention is fitted separately: ties use independent standard errors, which errs toward "
                                + "calling options tied."));
    }

    static String markdown(EffectModelCard c) {
        StringBuilder md = new StringBuilder();
        md.append("# Effect model card: ").append(c.modelVersion()).append("\n\n");
        md.append("**Estimates:** ").append(c.estimates()).append(". Units: ").append(c.effectUnits()).append(".\n\n");
        md.append("**Model file:** `").append(c.modelFile()).append("`, SHA-256 `").append(c.modelSha256())
                .append("` (the service refuses a file that does not match).\n\n");
        md.append("**Regenerate:** `").append(c.regenerate()).append("`\n\n");
        var t = c.trainingData();
        md.append("## Training data\n\n").append(t.source()).append(". History: ")
                .append(String.format(Locale.ROOT, "%,d", t.historyClients())).append(" clients, seed ").append(t.historySeed())
                .append("; ").append(pct(t.randomisedShare())).append(" randomised, cream-skimming ").append(t.creamSkimming())
                .append(" (log-odds of a programme per unit of the klantmanager's impression), programme share ")
                .append(pct(t.programmeShare())).append(", ").append(pct(t.missingShare())).append(" of each field missing. ")
                .append("Client-level results on a fresh population of ").append(String.format(Locale.ROOT, "%,d", t.heldOutClients()))
                .append(" clients, seed ").append(t.heldOutSeed()).append(".\n\n");
        var m = c.method();
        md.append("## Method\n\n").append(m.estimator()).append(".\n\n- Final-stage columns: `")
                .append(String.join("`, `", m.finalStageColumns())).append("`")
                .append("\n- Weights: ").append(m.weights()).append("\n- Selection: ").append(m.selection())
                .append("\n- Intervals: ").append(m.intervals())
                .append("\n- Shrinkage: ").append(m.shrinkage()).append("\n- Support: ").append(m.support())
                .append("\n- Ties: ").append(m.ties()).append("\n\n### Chosen on the training history\n\n");
        for (String line : m.selected()) {
            md.append("- ").append(line).append("\n");
        }
        var cost = c.training();
        md.append(String.format(Locale.ROOT, "%n## Training cost%n%nFitting on %,d records took %.1f s with a peak heap of %.0f MiB "
                + "(%d processors).%n%n", cost.records(), cost.seconds(), cost.peakHeapBytes() / 1048576.0, cost.availableProcessors()));
        md.append("## Average effects against the truth (history, eligible clients)\n\n");
        md.append("| horizon | intervention | eligible | treated | true ATE | DR ATE [95 % CI] | covered | naive [95 % CI] | naive covers | off support | PEHE learned | PEHE blend | PEHE T-learner |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var a : c.arms()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %+.2f | %+.2f [%+.2f, %+.2f] | %s | %+.2f [%+.2f, %+.2f] | %s | %s | %.2f | %.2f | %.2f |%n",
                    a.horizonMonths(), a.intervention(), a.eligibleClients(), a.treatedClients(), a.trueAte(), a.ate(),
                    a.ateLower(), a.ateUpper(), a.ateCovered() ? "yes" : "**no**", a.naiveDifference(), a.naiveLower(),
                    a.naiveUpper(), a.naiveCovered() ? "yes" : "no", pct(a.offSupportShare()), a.peheLearned(),
                    a.peheBlend(), a.peheTLearner()));
        }
        for (int h : EffectModelTrainer.HORIZONS) {
            long covered = c.arms().stream().filter(a -> a.horizonMonths() == h && a.ateCovered()).count();
            long naive = c.arms().stream().filter(a -> a.horizonMonths() == h && a.naiveCovered()).count();
            long total = c.arms().stream().filter(a -> a.horizonMonths() == h).count();
            md.append(String.format(Locale.ROOT, "%n%d months: the DR interval covers the true average effect for %d of %d "
                    + "interventions; the naive difference's interval for %d of %d.%n", h, covered, total, naive, total));
        }
        md.append("\n## Following the recommendation, against the oracle (held-out population)\n\n");
        md.append("Gain over NONE in P(work), percentage points, and share of the oracle's gain (the oracle gives every "
                + "client the truly best eligible intervention).\n\n");
        md.append("| horizon | oracle gain | recommended gain | recommended (blend) | learned only | prior only | T-learner | naive | PEHE learned | PEHE blend | PEHE T-learner | off support |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var p : c.policy()) {
            md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %s | %s | %s | %s | %s | %.2f | %.2f | %.2f | %s |%n",
                    p.horizonMonths(), p.oracleGain(), p.recommendedGain(), pct(p.recommendedShareOfOracle()),
                    pct(p.learnedOnlyShareOfOracle()), pct(p.priorOnlyShareOfOracle()), pct(p.tLearnerShareOfOracle()),
                    pct(p.naiveShareOfOracle()), p.peheLearned(), p.peheBlend(), p.peheTLearner(), pct(p.offSupportShare())));
        }
        md.append("\n## Limits\n\n");
        for (String limit : c.limits()) {
            md.append("- ").append(limit).append("\n");
        }
        return md.toString();
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
