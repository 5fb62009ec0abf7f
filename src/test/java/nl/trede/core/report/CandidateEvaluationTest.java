package nl.trede.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.distance.DistanceCategory;
import nl.trede.core.distance.DistanceModel;
import nl.trede.core.distance.DistanceScore;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.recommend.Recommender;
import nl.trede.core.report.EvaluationReport.GroupMetrics;
import nl.trede.core.report.EvaluationReport.PolicyResult;
import nl.trede.core.report.EvaluationReport.ProxyResult;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;
import nl.trede.core.wording.Rationale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report's numbers on a simulated population where the answer is known: models that read the
 * simulator's truth (so their calibration, bias and policy are known by construction) and models
 * that are wrong in a known way.
 */
class CandidateEvaluationTest {

    private static SyntheticPopulation population;
    private static Map<IntakeProfile, SimulatedClient> clientOf;
    private static List<CandidateEvaluation.HeldOutRecord> heldOut;
    /** Candidate: the truth shifted up by 0.05, following the true effects; active: the truth, advising nothing. */
    private static EvaluationReport shiftedAgainstTruth;
    /** Candidate: women's chances halved, advising the worst option; active: the truth, following the true effects. */
    private static EvaluationReport biasedAgainstTruth;
    /** Candidate: a score from Dutch language level only; active: a score from labour-market tightness only. */
    private static EvaluationReport languageAgainstTightness;

    @BeforeAll
    static void draw() {
        // mostly randomised, so that the policy values are tight enough on 8,000 clients to tell policies apart
        PopulationGenerator.Settings mostlyRandomised = new PopulationGenerator.Settings(0.05, 0.9, 1.0, 0.35);
        population = new PopulationGenerator(mostlyRandomised).generate(8_000, 4242);
        clientOf = new IdentityHashMap<>();
        population.clients().forEach(c -> clientOf.put(c.profile(), c));
        heldOut = population.trainingData().records().stream()
                .map(r -> new CandidateEvaluation.HeldOutRecord(r, attributesOf(clientOf.get(r.profile())))).toList();
        DistanceModel truth = distance("distance-truth", c -> c.baselineProbability(12));
        shiftedAgainstTruth = evaluate(
                new CandidateEvaluation.ModelSet(distance("distance-shifted", c -> Math.min(1, c.baselineProbability(12) + 0.05)),
                        effects("effects-truth", 1)),
                new CandidateEvaluation.ModelSet(truth, effects("effects-nothing", 0)));
        biasedAgainstTruth = evaluate(
                new CandidateEvaluation.ModelSet(distance("distance-biased",
                        c -> c.baselineProbability(12) * (c.gender().name().equals("FEMALE") ? 0.5 : 1)), effects("effects-worst", -1)),
                new CandidateEvaluation.ModelSet(truth, effects("effects-truth", 1)));
        // Dutch language level is the simulator's proxy of migration background; tightness is drawn apart from it
        languageAgainstTightness = evaluate(
                new CandidateEvaluation.ModelSet(distance("distance-language", c -> c.profile().dutchLanguageLevel() == null ? 0.2
                        : 0.05 + 0.05 * c.profile().dutchLanguageLevel().ordinal()), effects("effects-nothing", 0)),
                new CandidateEvaluation.ModelSet(distance("distance-tightness", c -> c.profile().labourMarketTightness() == null
                        ? 0.2 : Math.min(0.9, 0.1 * c.profile().labourMarketTightness())), effects("effects-nothing", 0)));
    }

    private static ProtectedAttributes attributesOf(SimulatedClient c) {
        return new ProtectedAttributes(Optional.of(c.gender().name()),
                Optional.of(c.migrationBackground() ? "OUTSIDE_EUROPE" : "NONE"));
    }

    /** A distance model that states a function of the client's true chance without intervention. */
    private static DistanceModel distance(String version, ToDoubleFunction<SimulatedClient> probability) {
        return new DistanceModel() {
            @Override
            public String version() {
                return version;
            }

            @Override
            public DistanceScore score(IntakeProfile profile) {
                double p = probability.applyAsDouble(clientOf.get(profile));
                return new DistanceScore(p, DistanceCategory.of(p), version, List.of(), List.of());
            }
        };
    }

    /** An effect model that states the client's true effect times {@code sign} (in percentage points, ±0.1). */
    private static EffectModel effects(String version, int sign) {
        return new EffectModel() {
            @Override
            public String version() {
                return version;
            }

            @Override
            public EffectEstimate estimate(IntakeProfile profile, double baselineChance, Intervention intervention, int horizon) {
                double points = sign * 100 * clientOf.get(profile).trueEffect(intervention.code(), horizon);
                return new EffectEstimate(points, points - 0.1, points + 0.1, horizon, EffectSource.LEARNED, 0, true,
                        new Rationale("test", "test"));
            }
        };
    }

    private static EvaluationReport evaluate(CandidateEvaluation.ModelSet candidate, CandidateEvaluation.ModelSet active) {
        return CandidateEvaluation.evaluate(candidate, active, Catalogue.STARTING, "simulated, seed 4242", heldOut,
                CandidateEvaluation.Settings.defaults());
    }

    private static GroupMetrics group(EvaluationReport.DistanceMetrics m, String attribute, String group) {
        return m.groups().stream().filter(g -> g.attribute().equals(attribute) && g.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void theTrueProbabilitiesAreCalibratedInEveryLargeGroupAndAShiftedModelIsFlaggedInEach() {
        EvaluationReport report = shiftedAgainstTruth;
        EvaluationReport.DistanceMetrics truth = report.distance().active();
        EvaluationReport.DistanceMetrics wrong = report.distance().candidate();
        // about 1,000 untreated clients: the ECE of the truth itself is the metric's noise there
        assertTrue(truth.expectedCalibrationError() < 0.025, "truth ECE " + truth.expectedCalibrationError());
        assertEquals(0.05, wrong.meanPredicted() - wrong.observedRate(), 0.015);
        assertEquals(truth.auc(), wrong.auc(), 1e-3, "a monotone shift keeps the ranking");
        assertTrue(wrong.brier() > truth.brier());
        for (String attribute : List.of(CandidateEvaluation.GENDER, CandidateEvaluation.MIGRATION)) {
            for (GroupMetrics g : truth.groups().stream().filter(g -> g.attribute().equals(attribute)).toList()) {
                assertTrue(g.comparable() && g.gapLower() < 0 && g.gapUpper() > 0, "the truth has no evident gap: " + g);
                GroupMetrics w = group(wrong, attribute, g.group());
                assertTrue(w.calibrationFlagged() && w.gapLower() > 0, w.toString());
            }
        }
        assertTrue(report.flags().stream().anyMatch(f -> f.contains("calibration gap") && f.contains("distance-shifted")),
                report.flags().toString());
        assertTrue(report.flags().stream().noneMatch(f -> f.contains("distance-truth")), "only the candidate is flagged");
    }

    @Test
    void aModelThatUnderstatesWomensChancesHasAFlaggedFalsePositiveRatioForCategory4() {
        EvaluationReport report = biasedAgainstTruth;
        EvaluationReport.RateRatio fpr = report.distance().candidate().ratios().stream()
                .filter(r -> r.attribute().equals(CandidateEvaluation.GENDER) && r.rate().startsWith("false-positive"))
                .findFirst().orElseThrow();
        assertTrue(fpr.flagged() && fpr.ratio() > 1.25 && fpr.highest().equals("FEMALE"), fpr.toString());
        EvaluationReport.RateRatio fair = report.distance().active().ratios().stream()
                .filter(r -> r.attribute().equals(CandidateEvaluation.GENDER) && r.rate().startsWith("false-positive"))
                .findFirst().orElseThrow();
        assertTrue(fair.ratio() < fpr.ratio(), "the truth treats them alike more: " + fair + " vs " + fpr);
        assertTrue(group(report.distance().candidate(), CandidateEvaluation.GENDER, "FEMALE").calibrationFlagged());
        assertTrue(report.flags().stream().anyMatch(f -> f.contains("false-positive rate of category 4") && f.contains("FEMALE")));
    }

    @Test
    void aScoreBuiltOnAProxyOfMigrationBackgroundSeparatesItAndOneThatIsNotDoesNot() {
        EvaluationReport report = languageAgainstTightness;
        ProxyResult migration = report.proxies().stream()
                .filter(p -> p.attribute().equals(CandidateEvaluation.MIGRATION) && p.group().equals("OUTSIDE_EUROPE"))
                .findFirst().orElseThrow();
        assertTrue(migration.inputsAuc() > 0.75 && migration.flagged(), migration.toString());
        assertTrue(Math.abs(migration.candidateScoreAuc() - 0.5) > 0.2, migration.toString());
        assertTrue(Math.abs(migration.activeScoreAuc() - 0.5) < 0.05, migration.toString());
        assertTrue(report.flags().stream().anyMatch(f -> f.startsWith("proxy") && f.contains("OUTSIDE_EUROPE")));
    }

    @Test
    void followingTheTrueEffectsBeatsGivingNothingByTheTrueMarginAndItsValueIsCovered() {
        EvaluationReport report = shiftedAgainstTruth;
        assertEquals(2, report.effects().size());
        Recommender recommender = new Recommender();
        for (EvaluationReport.EffectSection section : report.effects()) {
            int h = section.horizonMonths();
            double truePolicy = 0;
            double trueNothing = 0;
            for (SimulatedClient c : population.clients()) {
                String top = recommender.recommend(c.profile(), Math.min(1, c.baselineProbability(12) + 0.05), Catalogue.STARTING,
                        effects("t", 1), h).top().intervention().code();
                truePolicy += c.trueProbability(top, h);
                trueNothing += c.baselineProbability(h);
            }
            truePolicy /= population.size();
            trueNothing /= population.size();
            PolicyResult candidate = policy(section, "candidate");
            PolicyResult active = policy(section, "active");
            assertTrue(candidate.lower() <= truePolicy && truePolicy <= candidate.upper(), h + ": " + candidate + " vs " + truePolicy);
            assertEquals(policy(section, "nothing").value(), active.value(), 1e-12, "all effects 0: the active advice is nothing");
            assertTrue(section.candidateMinusActive().covers(truePolicy - trueNothing),
                    h + ": " + section.candidateMinusActive() + " vs " + (truePolicy - trueNothing));
            assertTrue(section.candidateMinusActive().lower() > 0, "the truth's advice helps: " + section.candidateMinusActive());
            assertTrue(section.candidateQiniCoefficient() > 0 && section.activeQiniCoefficient() == 0,
                    section.candidateQiniCoefficient() + " " + section.activeQiniCoefficient());
            assertEquals(0, section.candidateQini().get(0).gain(), 1e-12);
            assertEquals(section.candidateMinusActive().value(), section.candidateQini().get(20).gain(), 1e-12);
        }
        assertTrue(report.flags().stream().noneMatch(f -> f.startsWith("effects")), report.flags().toString());
        // a candidate that advises the worst option is flagged for doing worse than one that advises the best
        EvaluationReport worse = biasedAgainstTruth;
        assertTrue(worse.flags().stream().anyMatch(f -> f.startsWith("effects at 12 months")), worse.flags().toString());
    }

    @Test
    void theJsonCarriesTheNumbersAndTheHtmlIsSelfContainedWithItsPlots() throws Exception {
        EvaluationReport report = shiftedAgainstTruth;
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals(EvaluationReport.FORMAT, json.get("format").asText());
        assertEquals("effects-truth", json.get("candidate").get("effects").asText());
        assertEquals(report.distance().candidate().auc(), json.get("distance").get("candidate").get("auc").asDouble(), 1e-12);
        assertEquals(10, json.get("distance").get("candidate").get("reliability").size());
        assertEquals(6, json.get("effects").get(0).get("policies").size());
        String html = report.toHtml();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(3, html.split("<svg ", -1).length - 1 - 2 * (report.effects().size() - 1),
                "a reliability plot, and a policy chart and a Qini curve per horizon");
        assertFalse(html.contains("<script") || html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"),
                "no scripts, nothing fetched");
        assertTrue(html.contains("effects-truth") && html.contains("Qini") && html.contains("Reliability"));
    }

    private static PolicyResult policy(EvaluationReport.EffectSection section, String name) {
        return section.policies().stream().filter(p -> p.policy().equals(name)).findFirst().orElseThrow();
    }
}
