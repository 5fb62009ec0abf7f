package nl.trede.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.trede.core.digest.Sha256;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.effects.LearnedEffectModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainModelsCommandTest {

    private static final String[] SMALL = {"--seed", "7", "--training", "9000", "--held-out", "6000", "--version", "0.0.1",
        "--effect-history", "8000", "--effect-held-out", "2000", "--effect-version", "effects-0.0.1"};

    @Test
    void regeneratingGivesTheSameMetricsAndALoadableActiveModel(@TempDir Path first, @TempDir Path second) throws IOException {
        assertEquals(0, Commands.run(new TrainModelsCommand(), withOut(first), System.out, System.err));
        assertEquals(0, Commands.run(new TrainModelsCommand(), withOut(second), System.out, System.err));
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(first.resolve("distance-0.0.1.card.json").toFile());
        JsonNode b = json.readTree(second.resolve("distance-0.0.1.card.json").toFile());
        for (String section : new String[] {"candidates", "heldOut", "subgroups", "calibration", "referenceProfile", "trainingData"}) {
            assertEquals(a.get(section), b.get(section), section);
        }
        assertEquals(Sha256.hex(first.resolve("distance-0.0.1.tribuo")), a.get("modelSha256").asText());
        assertTrue(Files.readString(first.resolve("distance-0.0.1.card.md")).contains("Bayes-optimal AUC"));
        ModelArtefact distance = ModelFiles.readActive(first, ModelFiles.DISTANCE);
        assertEquals("distance-0.0.1", TribuoDistanceModel.fromBytes(distance.bytes(), distance.card()).version());

        JsonNode effectsA = json.readTree(first.resolve("effects-0.0.1.card.json").toFile());
        JsonNode effectsB = json.readTree(second.resolve("effects-0.0.1.card.json").toFile());
        for (String section : new String[] {"arms", "policy", "trainingData", "method", "modelSha256"}) {
            assertEquals(effectsA.get(section), effectsB.get(section), section);
        }
        assertEquals(Sha256.hex(first.resolve("effects-0.0.1.json")), effectsA.get("modelSha256").asText());
        ModelArtefact effects = ModelFiles.readActive(first, LearnedEffectModel.KIND);
        assertEquals("effects-0.0.1", LearnedEffectModel.fromBytes(effects.bytes(), effects.card()).version());
        JsonNode registry = json.readTree(first.resolve("registry.json").toFile());
        assertEquals("distance-0.0.1", registry.get("distance").get("activeVersion").asText());
        assertEquals("effects-0.0.1", registry.get("effects").get("activeVersion").asText());
    }

    @Test
    void badArgumentsAreRejectedWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertEquals(2, Commands.run(new TrainModelsCommand(), new String[] {"--seed"}, quiet, new PrintStream(err)));
        assertEquals(2, Commands.run(new TrainModelsCommand(), new String[] {"--colour", "red"}, quiet, new PrintStream(err)));
        assertTrue(err.toString().contains("usage: train-models"));
    }

    private static String[] withOut(Path dir) {
        String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
        args[SMALL.length] = "--out";
        args[SMALL.length + 1] = dir.toString();
        return args;
    }
}
