package nl.trede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command scores a JSON-lines caseload with the shipped model and answers a bad line in place. */
class ScoreBatchCommandTest {

    @Test
    void scoresEveryLineAndAnswersABadOneWithItsProblem(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("caseload.jsonl");
        Path output = dir.resolve("scores.jsonl");
        Files.writeString(input, "{\"age\": 34, \"expectsWork\": true}\n{\"age\": 40, \"motivation\": 9}\n{\"age\": 61}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Commands.run(new String[] {"score-batch", "--input", input.toString(), "--output", output.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2 scored, 1 refused"), err.toString(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = Files.readAllLines(output).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(3, lines.size());
        ModelArtefact artefact = ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE);
        TribuoDistanceModel model = TribuoDistanceModel.fromBytes(artefact.bytes(), artefact.card());
        IntakeProfile first = IntakeProfile.empty().with(ProfileField.AGE, 34)
                .with(ProfileField.EXPECTS_WORK, true);
        assertEquals(model.probability(first), lines.get(0).at("/score/probability").asDouble(), 0);
        assertEquals(2, lines.get(1).get("line").asInt());
        assertEquals(400, lines.get(1).at("/problem/status").asInt());
        assertEquals("motivation", lines.get(1).at("/problem/invalidParams/0/name").asText());
        assertEquals("out_of_range", lines.get(1).at("/problem/invalidParams/0/code").asText());
        assertEquals(3, lines.get(2).get("line").asInt());
        assertTrue(lines.get(2).has("score"));
    }
}
