package nl.trede.core.candidate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.report.CandidateEvaluation;
import nl.trede.core.report.ProtectedAttributes;
import nl.trede.core.synth.HistoryCsv;
import nl.trede.core.synth.TestHistories;
import nl.trede.core.training.HistoryCsvData;
import nl.trede.core.training.TrainingData;
import nl.trede.core.training.TrainingRecord;
import org.junit.jupiter.api.Test;

class CandidateTrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHeldOutShareIsDrawnFromTheSeedAndTheSameForTheSameSeed() {
        boolean[] a = CandidateTraining.heldOut(1000, 0.2, 7);
        assertArrayEquals(a, CandidateTraining.heldOut(1000, 0.2, 7));
        int count = 0;
        for (boolean b : a) {
            count += b ? 1 : 0;
        }
        assertEquals(200, count);
        boolean[] other = CandidateTraining.heldOut(1000, 0.2, 8);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] && other[i] ? 1 : 0;
        }
        assertTrue(same < 100, "another seed draws another held-out part, " + same + " in common");
    }

    /** The trainers see exactly the records that are not held out: none of the held-out ones, and all the others. */
    @Test
    void aRunFitsOnTheRecordsNotHeldOutOnlyAndEvaluatesOnTheRest() throws IOException {
        StringWriter csv = new StringWriter();
        HistoryCsv.write(TestHistories.STANDARD.generate(2000, 11), csv, false);
        HistoryCsvData.History history = HistoryCsvData.readHistory(new StringReader(csv.toString()), "test history");
        TrainingData data = history.data();
        List<ProtectedAttributes> attributes = history.context().stream()
                .map(c -> new ProtectedAttributes(c.gender(), c.migrationBackground())).toList();
        CandidateEvaluation.ModelSet active = active();
        CandidateTraining.Settings settings = new CandidateTraining.Settings(5, 0.25,
                CandidateTraining.DistanceCandidates.LOGISTIC_REGRESSION, 20_000, 5_000, 3, 2);
        long start = System.nanoTime();
        CandidateTraining.Result result = CandidateTraining.train(data, attributes, active, "test", "test", settings,
                (stage, fraction, line) -> System.out.println(stage + " " + fraction + " " + line));
        System.out.printf("trained in %.1f s%n", (System.nanoTime() - start) / 1e9);

        boolean[] heldOut = CandidateTraining.heldOut(2000, 0.25, 5);
        Set<TrainingRecord> heldOutRecords = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < heldOut.length; i++) {
            if (heldOut[i]) {
                heldOutRecords.add(data.records().get(i));
            }
        }
        assertEquals(new CandidateTraining.Split(2000, 1500, 500), result.split());
        assertEquals(500, result.report().heldOutRecords());
        JsonNode distanceCard = JSON.readTree(result.distance().card());
        assertEquals(1500, distanceCard.at("/trainingData/trainingClients").asInt(), "the distance model saw the fit part only");
        JsonNode effectCard = JSON.readTree(result.effects().card());
        assertEquals(1500, effectCard.get("fitRecords").asInt());
        LearnedEffectModel effects = LearnedEffectModel.fromBytes(result.effects().bytes(), result.effects().card());
        for (LearnedEffectModel.ArmModel arm : effects.stored().models()) {
            Intervention intervention = Catalogue.STARTING.find(arm.intervention()).orElseThrow();
            long eligibleInFit = data.records().stream().filter(r -> !heldOutRecords.contains(r)
                    && intervention.eligibility().admits(r.profile()) && r.outcome(arm.horizonMonths()).known()).count();
            assertEquals(eligibleInFit, arm.eligibleClients(), arm.intervention() + " at " + arm.horizonMonths()
                    + " months learned from the fit part's eligible clients, and from no held-out one");
        }
        ModelFiles.verify(result.distance(), result.distance().sha256(), result.distance().cardSha256());
    }

    /**
     * A municipality that almost never gave one option: the run still registers a candidate, says which
     * option it could not learn and why, and the candidate states the literature's effect for it.
     */
    @Test
    void anOptionAlmostNeverGivenIsLeftToTheLiteratureAndNamedNotAFailure() throws IOException {
        List<TrainingRecord> all = TestHistories.STANDARD.generate(2000, 11).trainingData().records();
        List<TrainingRecord> records = new ArrayList<>();
        int debtCounselling = 0;
        for (TrainingRecord r : all) {
            boolean rare = r.gotOnly("DEBT_COUNSELLING");
            if (!rare || debtCounselling++ < 3) {
                records.add(r);
            }
        }
        CandidateTraining.Settings settings = new CandidateTraining.Settings(5, 0.25,
                CandidateTraining.DistanceCandidates.LOGISTIC_REGRESSION, 20_000, 5_000, 2, 2);
        CandidateTraining.Result result = CandidateTraining.train(TrainingData.of("debt counselling almost never given", records),
                records.stream().map(r -> ProtectedAttributes.NONE_RECORDED).toList(), active(), "test", "test", settings,
                (stage, fraction, line) -> { });

        List<CandidateTraining.PositivityProblem> thin = result.positivity().stream()
                .filter(p -> p.intervention().equals("DEBT_COUNSELLING")).toList();
        assertEquals(List.of(12, 24), thin.stream().map(CandidateTraining.PositivityProblem::horizonMonths).toList());
        assertTrue(thin.get(0).message().contains("no effect is learned and the service states the literature's"), thin.get(0).message());
        LearnedEffectModel effects = LearnedEffectModel.fromBytes(result.effects().bytes(), result.effects().card());
        assertTrue(effects.stored().models().stream().noneMatch(a -> a.intervention().equals("DEBT_COUNSELLING")));
        Intervention option = Catalogue.STARTING.find("DEBT_COUNSELLING").orElseThrow();
        TrainingRecord eligible = all.stream().filter(r -> option.eligibility().admits(r.profile())).findFirst().orElseThrow();
        assertEquals(EffectSource.PRIOR, effects.estimate(eligible.profile(), 0.3, option, 12).source());
        assertEquals(9, effects.stored().models().stream().filter(a -> a.horizonMonths() == 12).count(), "the other options are learned");
    }

    /** Where the history contradicts the literature, the run's log and the effect card say for which options, and by how much. */
    @Test
    void aRunSaysWhereTheHistoryContradictedTheLiterature() throws IOException {
        List<TrainingRecord> records = TestHistories.LOCAL.generate(3000, 7).trainingData().records();
        List<String> log = new ArrayList<>();
        CandidateTraining.Result result = CandidateTraining.train(TrainingData.of("local", records),
                records.stream().map(r -> ProtectedAttributes.NONE_RECORDED).toList(), active(), "test", "test",
                new CandidateTraining.Settings(5, 0.25, CandidateTraining.DistanceCandidates.LOGISTIC_REGRESSION, 20_000, 5_000, 2, 2),
                (stage, fraction, line) -> log.add(line));
        List<JsonNode> widened = new ArrayList<>();
        JSON.readTree(result.effects().card()).get("averageEffects").forEach(a -> {
            if (a.get("priorWidening").asDouble() > 0) {
                widened.add(a);
            }
        });
        assertTrue(!widened.isEmpty(), "local's programmes work otherwise than the literature says");
        for (JsonNode arm : widened) {
            String named = "prior: " + arm.get("intervention").asText() + " at " + arm.get("horizonMonths").asInt() + " months";
            assertTrue(log.stream().anyMatch(l -> l.startsWith(named) && l.contains(String.format(java.util.Locale.ROOT,
                    "widened by %.1f pp", arm.get("priorWidening").asDouble()))), named + " in " + log);
        }
    }

    private static CandidateEvaluation.ModelSet active() throws IOException {
        return new CandidateEvaluation.ModelSet(
                TribuoDistanceModel.fromBytes(ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE).bytes(),
                        ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE).card()),
                LearnedEffectModel.fromBytes(ModelFiles.readActive(Path.of("models"), LearnedEffectModel.KIND).bytes(),
                        ModelFiles.readActive(Path.of("models"), LearnedEffectModel.KIND).card()));
    }
}
