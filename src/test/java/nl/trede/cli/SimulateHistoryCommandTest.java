package nl.trede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.trede.core.synth.HistoryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateHistoryCommandTest {

    @Test
    void writesOneRowPerClientWithTheDocumentedColumns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        assertEquals(0, Commands.run(new SimulateHistoryCommand(),
                new String[] {"--out", file.toString(), "--size", "250", "--seed", "3"}, System.out, System.err));
        List<String> lines = Files.readAllLines(file);
        assertEquals(251, lines.size());
        assertEquals(String.join(",", HistoryCsv.header(false)), lines.get(0));

        Path truth = dir.resolve("truth.csv");
        assertEquals(0, Commands.run(new SimulateHistoryCommand(), new String[] {"--out", truth.toString(), "--size", "250",
                "--seed", "3", "--ground-truth"}, System.out, System.err));
        assertTrue(Files.readAllLines(truth).get(0).contains("p12_NONE"));
        assertTrue(Files.readAllLines(truth).get(1).startsWith(lines.get(1)), "same seed, same clients");
    }

    @Test
    void outIsRequired() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Commands.run(new SimulateHistoryCommand(), new String[] {"--size", "10"}, System.out, new PrintStream(err)));
        assertTrue(err.toString().contains("--out is required"));
    }
}
