package nl.trede.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.trede.core.digest.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimateEffectsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;
    static CsvFixture.Truth truth;

    @BeforeAll
    static void writeData() throws IOException {
        data = dir.resolve("extract.csv");
        truth = CsvFixture.write(data, 6_000, 42, 3, 0);
    }

    /** Exit code, stdout and stderr of one run. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Commands.run(new EstimateEffectsCommand(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportCoversTheTrueEffectsOfABinaryOutcomeAndPredictionsFollowTheInput() throws IOException {
        Path report = dir.resolve("report.json");
        Path predictions = dir.resolve("effects.csv");
        Path model = dir.resolve("model.json");
        Result result = run("--data", data.toString(), "--treatment", "programme", "--outcome", "worked",
                "--features", "age,motivation,city,education,health_limitation",
                "--report", report.toString(), "--predictions", predictions.toString(), "--model", model.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("control: 'NONE'"), result.out());
        System.out.print(result.out());

        JsonNode json = JSON.readTree(report.toFile());
        assertEquals("NONE", json.get("control").asText());
        assertEquals("binary", json.get("outcomeType").asText());
        assertEquals(6_000, json.get("n").asInt());
        assertEquals(2, json.get("arms").size());
        for (JsonNode arm : json.get("arms")) {
            int k = List.of(CsvFixture.ARMS).indexOf(arm.get("treatment").asText());
            double ate = truth.ateWork()[k];
            System.out.printf(Locale.ROOT, "%s: true ATE %.4f, estimated %.4f [%.4f, %.4f], naive %.4f%n",
                    arm.get("treatment").asText(), ate, arm.get("ate").asDouble(), arm.get("ateLower").asDouble(),
                    arm.get("ateUpper").asDouble(), arm.get("naiveDifference").asDouble());
            assertTrue(arm.get("ateLower").asDouble() <= ate && ate <= arm.get("ateUpper").asDouble());
            assertTrue(arm.get("ate").asDouble() < 1, "a probability difference, not percentage points");
            assertTrue(arm.get("naiveDifference").asDouble() - ate > 0.1, "the extract is confounded");
            for (String field : List.of("n", "att", "attLower", "attUpper")) {
                assertTrue(arm.has(field), field);
            }
        }
        assertEquals(3, json.get("overlap").get("arms").size());
        nl.trede.core.causal.DrLearnerModel loaded =
                nl.trede.core.causal.DrLearnerModel.load(model, Sha256.hex(model));
        assertTrue(result.out().contains(Sha256.hex(model)));
        assertEquals(List.of("NONE", "COACHING", "TRAINING"), loaded.armNames());
        assertTrue(loaded.state().provenance().get("encoding").contains("\"city\""));

        List<String> lines = Files.readAllLines(predictions);
        assertEquals(6_001, lines.size());
        assertEquals("row,effect_COACHING,effect_COACHING_lower,effect_COACHING_upper,effect_COACHING_support,"
                + "effect_TRAINING,effect_TRAINING_lower,effect_TRAINING_upper,effect_TRAINING_support,best,tied_with_best",
                lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertEquals(Integer.toString(i), cells[0]);
            if (cells[4].equals("yes")) {
                assertTrue(Double.parseDouble(cells[2]) <= Double.parseDouble(cells[1]));
                assertTrue(Double.parseDouble(cells[1]) <= Double.parseDouble(cells[3]));
            }
        }
    }

    @Test
    void continuousOutcomeWithDefaultFeaturesAndAGivenControl() throws IOException {
        Path extract = dir.resolve("earnings.csv");
        List<String> lines = Files.readAllLines(data);
        // drop the 'worked' column so the default features are everything but treatment and outcome
        Files.write(extract, lines.stream().map(l -> l.replaceFirst(",(0|1|worked),([^,]*)$", ",$2")).toList());
        Result result = run("--data", extract.toString(), "--treatment", "programme", "--outcome", "earnings",
                "--control", "NONE");
        assertEquals(0, result.code(), result.err());
        JsonNode json = JSON.readTree(result.out());
        assertEquals("continuous", json.get("outcomeType").asText());
        assertEquals("given with --control", json.get("controlChosenBy").asText());
        assertEquals(5, json.get("features").size());
        for (JsonNode arm : json.get("arms")) {
            int k = List.of(CsvFixture.ARMS).indexOf(arm.get("treatment").asText());
            double ate = truth.ateEarnings()[k];
            System.out.printf(Locale.ROOT, "earnings %s: true ATE %.0f, estimated %.0f [%.0f, %.0f], naive %.0f%n",
                    arm.get("treatment").asText(), ate, arm.get("ate").asDouble(), arm.get("ateLower").asDouble(),
                    arm.get("ateUpper").asDouble(), arm.get("naiveDifference").asDouble());
            assertTrue(arm.get("ateLower").asDouble() <= ate && ate <= arm.get("ateUpper").asDouble());
        }
    }

    @Test
    void controlDefaultsToZeroWhenPresent() throws IOException {
        Path file = dir.resolve("numeric-arms.csv");
        StringBuilder csv = new StringBuilder("x,t,y\n");
        for (int i = 0; i < 90; i++) {
            csv.append(i % 7).append(',').append(i % 3 == 0 ? "0" : i % 3 == 1 ? "1" : "2").append(',').append(i % 2).append('\n');
        }
        Files.writeString(file, csv);
        Result result = run("--data", file.toString(), "--treatment", "t", "--outcome", "y");
        assertEquals(0, result.code(), result.err());
        JsonNode json = JSON.readTree(result.out());
        assertEquals("0", json.get("control").asText());
        assertEquals("1", json.get("arms").get(0).get("treatment").asText());
        assertEquals("2", json.get("arms").get(1).get("treatment").asText());
    }

    @Test
    void unusableInputGivesOneMessageNamingColumnAndRowAndExitCode2() throws IOException {
        String header = "age,group,outcome\n";
        StringBuilder good = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            good.append(20 + i).append(',').append(i % 2 == 0 ? "A" : "B").append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        String base = good.toString();
        assertRejected(write("missing.csv", null), "not found");
        assertRejected(write("empty.csv", ""), "empty");
        assertRejected(write("header-only.csv", header), "no data rows");
        assertRejected(write("ragged.csv", header + base + "61,A\n"), "data row 41 (line 42)", "3");
        assertRejected(write("text-outcome.csv", header + base + "61,A,yes\n"), "outcome", "'outcome'", "data row 41 (line 42)", "yes");
        assertRejected(write("missing-outcome.csv", header + "61,A,NA\n" + base), "'outcome'", "data row 1 (line 2)");
        assertRejected(write("one-arm.csv", header + base.replace(",B,", ",A,")), "'group'", "only one value");
        assertRejected(write("empty-treatment.csv", header + base + "61,,1\n"), "'group'", "data row 41");
        assertRejected(write("quote.csv", header + base + "\"61,A,1\n"), "line 42", "never closed");
        assertRejected(write("small-arm.csv", header + base + "61,C,1\n"), "'group'", "'C'", "only 1");

        Path ok = write("ok.csv", header + base);
        assertRejected(run("--data", ok.toString(), "--treatment", "grp", "--outcome", "outcome"), "'grp'");
        assertRejected(run("--data", ok.toString(), "--treatment", "group", "--outcome", "y"), "'y'");
        assertRejected(run("--data", ok.toString(), "--treatment", "group", "--outcome", "outcome", "--features", "age,income"),
                "'income'");
        assertRejected(run("--data", ok.toString(), "--treatment", "group", "--outcome", "outcome", "--control", "Z"),
                "'Z'", "'group'");

        Result usage = run("--data", ok.toString(), "--outcome", "outcome");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--treatment is required") && usage.err().contains("usage: estimate-effects"));
        assertEquals(2, run("--data", ok.toString(), "--treatment", "group", "--outcome", "outcome", "--bogus", "1").code());
        assertEquals(2, run().code());
        assertEquals(0, run("--data", ok.toString(), "--treatment", "group", "--outcome", "outcome").code());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        if (content != null) {
            Files.writeString(file, content);
        }
        return file;
    }

    private static void assertRejected(Path file, String... expected) {
        assertRejected(run("--data", file.toString(), "--treatment", "group", "--outcome", "outcome"), expected);
    }

    private static void assertRejected(Result result, String... expected) {
        assertEquals(2, result.code(), result.err());
        String message = result.err().strip();
        assertFalse(message.contains("\n"), "one message, no stack trace: " + message);
        assertTrue(message.startsWith("estimate-effects: "), message);
        for (String part : expected) {
            assertTrue(message.contains(part), "'" + part + "' not in: " + message);
        }
        assertTrue(result.out().isEmpty());
    }

    /**
     * Without --features, a column that looks like an id, another outcome or a protected attribute is
     * not adjusted for (it would leak: an id memorises clients, a later outcome is caused by the
     * treatment); the report and the summary say which were left out and why, and naming one uses it.
     */
    @Test
    void idsLaterOutcomesAndProtectedAttributesAreLeftOutUnlessNamed() throws IOException {
        Path extract = dir.resolve("with-leaks.csv");
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder(lines.get(0) + ",client_id,worked24,gender\r\n");
        for (int i = 1; i < lines.size(); i++) {
            String row = lines.get(i);
            csv.append(row).append(',').append(1000 + i).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                    .append(i % 2 == 0 ? "v" : "m").append("\r\n");
        }
        Files.writeString(extract, csv, StandardCharsets.UTF_8);
        Path report = dir.resolve("leaks.json");
        Result result = run("--data", extract.toString(), "--treatment", "programme", "--outcome", "worked",
                "--report", report.toString());
        assertEquals(0, result.code(), result.err());
        JsonNode json = JSON.readTree(report.toFile());
        JsonNode leftOut = json.get("leftOutColumns");
        for (String column : List.of("client_id", "worked24", "gender")) {
            assertTrue(leftOut.has(column), column + " left out: " + leftOut);
            assertTrue(result.out().contains("column '" + column + "' left out"), result.out());
        }
        List<String> used = new java.util.ArrayList<>();
        json.get("features").forEach(f -> used.add(f.get("column").asText()));
        assertFalse(used.contains("client_id") || used.contains("worked24") || used.contains("gender"), used.toString());
        assertTrue(used.containsAll(List.of("age", "motivation", "city", "education", "health_limitation")), used.toString());

        Result named = run("--data", extract.toString(), "--treatment", "programme", "--outcome", "worked",
                "--features", "age,motivation,worked24", "--report", report.toString());
        assertEquals(0, named.code(), named.err());
        List<String> namedUsed = new java.util.ArrayList<>();
        JSON.readTree(report.toFile()).get("features").forEach(f -> namedUsed.add(f.get("column").asText()));
        assertEquals(List.of("age", "motivation", "worked24"), namedUsed, "a column named with --features is used");
    }
}
