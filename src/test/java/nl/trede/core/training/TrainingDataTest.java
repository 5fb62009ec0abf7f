package nl.trede.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalDouble;
import nl.trede.core.Profiles;
import nl.trede.core.distance.DistanceModelTrainer;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.effects.EffectModelTrainer;
import nl.trede.core.synth.HistoryCsv;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SyntheticPopulation;
import org.junit.jupiter.api.Test;

/** The trainers learn the same from the same history, whichever source hands it over. */
class TrainingDataTest {

    private static final SyntheticPopulation HISTORY = new PopulationGenerator().generate(3_000, 11L);
    private static final EffectModelTrainer.Settings SMALL = new EffectModelTrainer.Settings(11L, 3_000, 0, "effects-test",
            PopulationGenerator.Settings.defaults(), 20_000, 5_000, 2, true, 5);

    @Test
    void aHistoryReadBackFromCsvHoldsWhatTheSyntheticSourceHandsOver() throws IOException {
        List<TrainingRecord> synthetic = HISTORY.trainingData().records();
        List<TrainingRecord> csv = csv(HISTORY, false).records();
        assertEquals(synthetic.size(), csv.size());
        for (int i = 0; i < synthetic.size(); i++) {
            TrainingRecord a = synthetic.get(i);
            TrainingRecord b = csv.get(i);
            assertEquals(a.profile(), b.profile(), "record " + i);
            assertEquals(a.given(), b.given(), "record " + i);
            assertEquals(a.within12(), b.within12(), "record " + i);
            assertEquals(a.within24(), b.within24(), "record " + i);
            assertEquals(a.knownPropensity(), b.knownPropensity(), "record " + i);
        }
        // only the randomised share has a known propensity: 1 / the number of options the client was eligible for
        long known = synthetic.stream().filter(r -> r.knownPropensity().isPresent()).count();
        assertEquals(HISTORY.clients().stream().filter(c -> c.randomised()).count(), known);
        assertTrue(synthetic.stream().flatMap(r -> r.knownPropensity().stream().boxed()).allMatch(p -> p > 0.05 && p <= 0.5));
    }

    @Test
    void bothTrainersLearnTheSameModelFromEitherSource() throws IOException {
        TrainingData csv = csv(HISTORY, false);
        ObjectMapper json = new ObjectMapper();
        EffectModelTrainer effects = new EffectModelTrainer(SMALL);
        ObjectNode fromSynthetic = (ObjectNode) json.readTree(effects.fit(HISTORY.trainingData()).model().toJson());
        ObjectNode fromCsv = (ObjectNode) json.readTree(effects.fit(csv).model().toJson());
        assertTrue(fromCsv.get("provenance").get("history").asText().startsWith("history CSV"));
        fromSynthetic.remove("provenance");
        fromCsv.remove("provenance");
        assertEquals(fromSynthetic, fromCsv);

        DistanceModelTrainer distance = new DistanceModelTrainer(11L, "test",
                DistanceModelTrainer.standardCandidates(11L).subList(0, 1));
        TribuoDistanceModel a = distance.fit(HISTORY.trainingData()).model();
        TribuoDistanceModel b = distance.fit(csv).model();
        for (TrainingRecord r : csv.records().subList(0, 100)) {
            assertEquals(a.probability(r.profile()), b.probability(r.profile()), 1e-12);
        }
    }

    @Test
    void aCensoredOutcomeIsLeftOutAtItsHorizonNotCountedAsNoWork() throws IOException {
        TrainingData censored = csv(HISTORY, true);
        long unknown24 = censored.records().stream().filter(r -> !r.within24().known()).count();
        assertTrue(unknown24 > 500, "every other client who had not worked within 12 months is censored at 24: " + unknown24);
        EffectModelTrainer.Fit full = new EffectModelTrainer(SMALL).fit(HISTORY.trainingData());
        EffectModelTrainer.Fit fit = new EffectModelTrainer(SMALL).fit(censored);
        for (int i = 0; i < fit.arms().size(); i++) {
            EffectModelTrainer.ArmFit arm = fit.arms().get(i);
            long eligibleAndKnown = censored.records().stream()
                    .filter(r -> arm.intervention().eligibility().admits(r.profile()) && r.outcome(arm.horizon()).known()).count();
            assertEquals(eligibleAndKnown, arm.eligible(), arm.intervention().code() + " at " + arm.horizon());
            if (arm.horizon() == 12) {
                // the 12-month outcomes are all known, so nothing changes there
                assertEquals(full.arms().get(i).fit().arm(1).ate(), arm.fit().arm(1).ate(), 1e-12);
            } else {
                assertTrue(arm.eligible() < full.arms().get(i).eligible());
            }
        }
    }

    @Test
    void aRecordKeepsTheHorizonsConsistentAndNothingGivenIsNotAnIntervention() {
        TrainingRecord early = new TrainingRecord(Profiles.profile(), List.of(), Outcome.WORKED, Outcome.UNKNOWN,
                OptionalDouble.empty());
        assertEquals(Outcome.WORKED, early.within24(), "work within 12 months is work within 24");
        assertTrue(early.gotNothing());
        assertThrows(IllegalArgumentException.class, () -> new TrainingRecord(Profiles.profile(), List.of(),
                Outcome.WORKED, Outcome.NOT_WORKED, OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> new TrainingRecord(Profiles.profile(), List.of("NONE"),
                Outcome.NOT_WORKED, Outcome.NOT_WORKED, OptionalDouble.empty()));
        assertThrows(IllegalStateException.class, () -> Outcome.UNKNOWN.worked());
        TrainingRecord combined = new TrainingRecord(Profiles.profile(), List.of("WORK_FIRST", "DEBT_COUNSELLING"),
                Outcome.NOT_WORKED, Outcome.UNKNOWN, OptionalDouble.of(0.25));
        assertTrue(!combined.gotOnly("WORK_FIRST") && !combined.gotNothing());
    }

    @Test
    void aCsvThatCannotBeReadSaysWhereAndNeverGuesses() throws IOException {
        String csv = csvText(HISTORY, false);
        String header = csv.substring(0, csv.indexOf('\n'));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> HistoryCsvData.read(new StringReader(header.replace("worked24", "w24") + "\n"), "test"));
        assertTrue(missing.getMessage().contains("[worked24]"), missing.getMessage());
        String first = csv.split("\n")[1];
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> HistoryCsvData.read(new StringReader(header + "\n" + withCell(header, first, "age", "old")), "test"));
        assertTrue(wrong.getMessage().contains("line 2, column 'age'"), wrong.getMessage());
        IllegalArgumentException outcome = assertThrows(IllegalArgumentException.class,
                () -> HistoryCsvData.read(new StringReader(header + "\n" + withCell(header, first, "worked12", "no")), "test"));
        assertTrue(outcome.getMessage().contains("'worked12' is 1, 0 or empty"), outcome.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HistoryCsvData.read(new StringReader(header + "\n" + withCell(header, first, "intervention", "")), "test"));
    }

    @Test
    void theServicesTrainingDataExportReadsAsTrainingData() throws IOException {
        // the export's shape: ids before the profile, advice and versions after, CRLF, a quoted note
        String profileColumns = String.join(",", java.util.Arrays.stream(nl.trede.core.profile.ProfileField.values())
                .map(nl.trede.core.profile.ProfileField::fieldName).toList());
        String header = "decisionId,clientId," + profileColumns + ",intervention,worked12,label12,worked24,label24,note";
        String profile = "34,MBO_2_4,B1,10,12,6,NONE,false,true,false,true,4,3,true,3,1.2";
        String csv = header + "\r\n"
                + "d1,c1," + profile + ",DEBT_COUNSELLING+WORK_FIRST,0,OBSERVED,,HORIZON_NOT_REACHED,\"schulden eerst, dan \"\"werk\"\"\nzie dossier\"\r\n"
                + "d2,c2," + profile.replace("34,", ",") + ",NONE,1,OBSERVED,,HORIZON_NOT_REACHED,\r\n";
        List<TrainingRecord> records = HistoryCsvData.read(new StringReader(csv), "export").records();
        assertEquals(2, records.size());
        assertEquals(List.of("DEBT_COUNSELLING", "WORK_FIRST"), records.get(0).given());
        assertEquals(Outcome.NOT_WORKED, records.get(0).within12());
        assertEquals(Outcome.UNKNOWN, records.get(0).within24(), "not yet 24 months: censored, not no work");
        assertEquals(34, records.get(0).profile().age());
        assertEquals(1.2, records.get(0).profile().labourMarketTightness());
        assertTrue(records.get(1).gotNothing());
        assertEquals(null, records.get(1).profile().age(), "an empty cell is a missing field");
        assertEquals(Outcome.WORKED, records.get(1).within24(), "work within 12 months is work within 24");
        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class, () -> HistoryCsvData.read(
                new StringReader(header + "\nd1,c1," + profile + ",NONE,1,OBSERVED,1,OBSERVED,say \"hi\"\n"), "export"));
        assertTrue(stray.getMessage().contains("line 2"), stray.getMessage());
    }

    private static String withCell(String header, String line, String column, String value) {
        String[] cells = line.split(",", -1);
        cells[List.of(header.split(",")).indexOf(column)] = value;
        return String.join(",", cells);
    }

    /** The history as {@code simulate-history} writes it; censored: every other 12-month non-worker's 24 months not yet passed. */
    private static TrainingData csv(SyntheticPopulation population, boolean censored) throws IOException {
        return HistoryCsvData.read(new StringReader(csvText(population, censored)), "history CSV test");
    }

    private static String csvText(SyntheticPopulation population, boolean censored) throws IOException {
        StringWriter out = new StringWriter();
        HistoryCsv.write(population, out, true);
        if (!censored) {
            return out.toString();
        }
        String[] lines = out.toString().split("\n");
        List<String> header = List.of(lines[0].split(","));
        int w12 = header.indexOf("worked12");
        int w24 = header.indexOf("worked24");
        StringBuilder result = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (i % 2 == 0 && cells[w12].equals("0")) {
                cells[w24] = "";
            }
            result.append(String.join(",", cells)).append('\n');
        }
        return result.toString();
    }
}
