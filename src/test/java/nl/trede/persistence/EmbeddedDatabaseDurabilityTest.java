package nl.trede.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit on the embedded default database survives a SIGKILL of the process that made it.
 *
 * <p>The child JVM opens an H2 file database with exactly the options of the shipped
 * {@code quarkus.datasource.jdbc.url}, commits rows one by one and prints the id of each after
 * its commit returned; the test kills it with SIGKILL mid-stream, reopens the file and checks
 * that every printed (acknowledged) row is there. With H2's default write delay (commits are
 * flushed by a background thread every 500 ms) the newest acknowledged rows are lost.
 */
class EmbeddedDatabaseDurabilityTest {

    private static final int KILLS = 3;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedCommitSurvivesSigkill() throws Exception {
        String url = shippedJdbcUrl().replace("./data/trede", directory.resolve("trede").toString());
        try (Connection connection = DriverManager.getConnection(url, "trede", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE durability_probe (id BIGINT PRIMARY KEY, body VARCHAR(200))");
        }
        long acknowledged = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            List<Long> acked = commitUntilKilled(url, kill * 1_000_000L);
            acknowledged += acked.size();
            List<Long> lost = missing(url, acked);
            assertEquals(0, lost.size(), "kill " + (kill + 1) + ": acknowledged " + acked.size() + ", lost " + lost.size());
        }
        assertTrue(acknowledged >= KILLS * ACKNOWLEDGED_BEFORE_KILL, "the child committed too little to test anything");
    }

    /** The URL the service uses when nothing is configured: the embedded default. */
    private static String shippedJdbcUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseDurabilityTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = properties.getProperty("quarkus.datasource.jdbc.url");
        assertTrue(url.startsWith("jdbc:h2:file:./data/trede"), "the embedded default is an H2 file database: " + url);
        return url;
    }

    private static List<Long> commitUntilKilled(String url, long firstId) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommittingChild.class.getName(), url, Long.toString(firstId))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                acked.add(Long.parseLong(line));
            }
            // SIGKILL, through the handle so that the pipe stays open for the lines already written
            child.toHandle().destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            // Rows whose commit returned before the kill took effect are acknowledged too.
            while ((line = out.readLine()) != null) {
                acked.add(Long.parseLong(line));
            }
        }
        return acked;
    }

    private static List<Long> missing(String url, List<Long> acked) throws SQLException {
        List<Long> stored = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "trede", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM durability_probe")) {
            while (rows.next()) {
                stored.add(rows.getLong(1));
            }
        }
        return acked.stream().filter(id -> !stored.contains(id)).toList();
    }

    /** Commits one row per transaction and prints its id once the commit has returned. */
    public static final class CommittingChild {
        public static void main(String[] args) throws SQLException {
            try (Connection connection = DriverManager.getConnection(args[0], "trede", "");
                 Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (long id = Long.parseLong(args[1]); ; id++) {
                    statement.execute("INSERT INTO durability_probe VALUES (" + id + ", '" + "x".repeat(150) + "')");
                    connection.commit();
                    System.out.println(id);
                    System.out.flush();
                }
            }
        }
    }
}
