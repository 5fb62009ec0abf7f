package nl.trede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jar's command dispatch: help on every command, and an unknown command never starts the service. */
class CommandsTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandAnswersHelpWithItsUsageOnStdoutAndDoesNothingElse() {
        List<String> names = Commands.ALL.stream().map(Command::name).toList();
        assertEquals(List.of("train-models", "simulate-history", "estimate-effects", "evaluate-effects", "verify-audit-trail",
                "export-training-data", "score-batch", "train-candidate"), names);
        for (String name : names) {
            for (String help : List.of("--help", "-h")) {
                // verify-audit-trail would start Quarkus and train-models would train for minutes: help must come first
                Run run = run(name, help);
                assertEquals(0, run.code(), name + " " + help + ": " + run.err());
                assertTrue(run.out().startsWith("usage: " + name), run.out());
                assertTrue(run.err().isEmpty(), run.err());
            }
        }
        // help wins over other options, even ones that are required or wrong
        assertEquals(0, run("simulate-history", "--size", "10", "--help").code());
        assertEquals(0, run("estimate-effects", "--data", "x.csv", "-h").code());
    }

    @Test
    void anExportThatCannotBeRightIsRefusedBeforeAnythingStarts() {
        Run wrongCode = run("export-training-data", "--municipality", "Rotterdam", "--out", "x.csv");
        assertEquals(2, wrongCode.code());
        assertTrue(wrongCode.err().contains("--municipality must be a CBS municipality code"), wrongCode.err());
        Run wrongFormat = run("export-training-data", "--municipality", "GM0599", "--out", "x.xlsx", "--format", "xlsx");
        assertEquals(2, wrongFormat.code());
        assertTrue(wrongFormat.err().contains("csv or jsonl"), wrongFormat.err());
        assertEquals(2, run("export-training-data", "--municipality", "GM0599").code(), "--out is required");
    }

    @Test
    void anUnknownCommandGivesTheListOfCommandsOnStderrAndExitCode2() {
        for (String[] args : List.of(new String[] {"evaluate-models", "--help"}, new String[] {"serve"},
                new String[] {"--port", "8080"}, new String[] {"train-model"})) {
            Run run = run(args);
            assertEquals(2, run.code(), String.join(" ", args));
            assertTrue(run.err().startsWith("unknown command '" + args[0] + "'"), run.err());
            assertTrue(run.err().contains("usage: java -jar quarkus-run.jar"), run.err());
            for (Command command : Commands.ALL) {
                assertTrue(run.err().contains(command.name()), run.err());
            }
            assertTrue(run.out().isEmpty(), run.out());
        }
    }

    @Test
    void helpWithoutACommandListsTheCommandsOnStdout() {
        Run run = run("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("verify-audit-trail") && run.out().contains("train-models"), run.out());
    }

    @Test
    void aBadOptionIsRefusedWithTheCommandsUsageBeforeAnythingStarts() {
        Run audit = run("verify-audit-trail", "--database", "prod");
        assertEquals(2, audit.code());
        assertTrue(audit.err().startsWith("verify-audit-trail: unknown option '--database'"), audit.err());
        assertTrue(audit.err().contains("usage: verify-audit-trail"), audit.err());

        Run train = run("train-models", "--seed", "seven");
        assertEquals(2, train.code());
        assertTrue(train.err().contains("--seed must be a whole number, not 'seven'"), train.err());
        assertTrue(train.err().contains("usage: train-models"), train.err());

        Run twice = run("simulate-history", "--out", "a.csv", "--out=b.csv");
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("--out is given twice"), twice.err());

        Run share = run("simulate-history", "--out", "a.csv", "--missing-share", "1.5");
        assertEquals(2, share.code());
        assertTrue(share.err().contains("--missing-share must be between 0 and 1"), share.err());

        Run history = run("evaluate-effects", "--histories", "standard,thresholds");
        assertEquals(2, history.code());
        assertTrue(history.err().startsWith("evaluate-effects: unknown history 'thresholds'"), history.err());

        Run tuned = run("simulate-history", "--out", "a.csv", "--history", "small", "--cream-skimming", "2");
        assertEquals(2, tuned.code());
        assertTrue(tuned.err().contains("--cream-skimming tunes the standard history only"), tuned.err());
    }
}
