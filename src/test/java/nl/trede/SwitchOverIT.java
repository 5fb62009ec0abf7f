package nl.trede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.trede.core.digest.Sha256;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service on one database (failsafe, after {@code package}): a shadow
 * set, a promotion (proposed by a data scientist, approved by an admin) and a rollback made through
 * instance A are served by instance B within 30 seconds, at the shipped poll interval, while both
 * answer a steady stream of requests without one failing. B's intakes are shadowed by the version
 * set through A.
 *
 * <p>The database: the packaged build's database kind is fixed at build time, and {@code verify}
 * packages the embedded (H2) build, so by default the two processes share an H2 database through an
 * H2 TCP server this test starts (an H2 file cannot be opened by two processes). Against PostgreSQL,
 * with the PostgreSQL build: {@code -Dtrede.it.app=target/quarkus-app-postgresql
 * -Dtrede.it.jdbc-url=jdbc:postgresql://127.0.0.1:5432/DB -Dtrede.it.jdbc-user=postgres}.
 */
class SwitchOverIT {

    private static final Duration SWITCH_WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path WORK = Path.of("target", "switch-over-it");

    private static Server h2;
    private static String jdbcUrl;
    private static String jdbcUser;
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static String a;
    private static String b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Files.createDirectories(WORK);
        jdbcUser = System.getProperty("trede.it.jdbc-user", "trede");
        jdbcUrl = System.getProperty("trede.it.jdbc-url");
        if (jdbcUrl == null) {
            Path directory = Files.createTempDirectory(WORK.toAbsolutePath(), "h2-");
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", directory.toString()).start();
            jdbcUrl = "jdbc:h2:tcp://localhost:" + h2.getPort() + "/trede;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        Path app = Path.of(System.getProperty("trede.it.app", "target/quarkus-app"), "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.exists(app), "package the service first (./mvnw verify does): " + app);
        // One after the other: Flyway cannot migrate one H2 database from two processes at once.
        a = start(app, "a");
        awaitReady(a);
        b = start(app, "b");
        awaitReady(b);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process instance : INSTANCES) {
            instance.destroy();
        }
        for (Process instance : INSTANCES) {
            instance.waitFor();
        }
        if (h2 != null) {
            h2.stop();
        }
    }

    @Test
    void aSwitchThroughOneInstanceIsServedByTheOtherWithinThirtySecondsAndNoRequestFails() throws Exception {
        String dataScientist = token("data-scientist-rotterdam");
        String admin = token("admin-rotterdam");
        String caseSystem = token("case-system-rotterdam");
        String shipped = servedDistanceModel(b);
        CandidateVersion candidate = registerCandidate();

        Load load = new Load(caseSystem);
        load.start();
        try {
            call(a, "PUT", "/api/v1/models/shadow", dataScientist, Map.of("version", candidate.number(), "reason", "compare live"), 200);
            List<String> intakesOnB = new ArrayList<>();
            Duration shadowed = within(() -> {
                intakesOnB.add(post(b, "/api/v1/intakes", caseSystem, Requests.intake(), 201).get("id").asText());
                return shadowScored(intakesOnB, candidate.number());
            });
            System.out.printf("B's intakes shadowed by the version set through A after %d ms%n", shadowed.toMillis());

            String proposal = call(a, "POST", "/api/v1/models/promotions", dataScientist,
                    Map.of("version", candidate.number(), "reason", "switch-over test"), 201).get("id").asText();
            call(a, "POST", "/api/v1/models/promotions/" + proposal + "/approval", admin, Map.of("reason", "reviewed"), 200);
            Duration promoted = within(() -> servesEverywhere(b, candidate.distance(), caseSystem));
            System.out.printf("B serves the promoted version after %d ms%n", promoted.toMillis());

            call(a, "POST", "/api/v1/models/rollbacks", admin, Map.of("reason", "switch-over test: back"), 200);
            Duration rolledBack = within(() -> servesEverywhere(b, shipped, caseSystem));
            System.out.printf("B serves the restored version after %d ms%n", rolledBack.toMillis());
        } finally {
            load.stop();
        }
        assertTrue(load.answered.get() > 50, "requests ran through the switches: " + load.answered.get());
        assertEquals(Map.of(), load.failures, "requests that failed during the switches, by status");
    }

    /** B scores with it, and B's readiness names it. */
    private static boolean servesEverywhere(String base, String distance, String token) throws Exception {
        return distance.equals(post(base, "/api/v1/scores", token, profile(), 200).get("modelVersion").asText())
                && distance.equals(servedDistanceModel(base));
    }

    private static String servedDistanceModel(String base) throws Exception {
        JsonNode ready = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).GET().build()).body());
        for (JsonNode check : ready.get("checks")) {
            if ("models".equals(check.get("name").asText())) {
                return check.get("data").get("distanceModel").asText();
            }
        }
        throw new AssertionError("readiness reports no models: " + ready);
    }

    /** Requests to both instances, one after another, for as long as the switches take. */
    private static final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger answered = new AtomicInteger();
        final Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        final Thread thread;

        Load(String token) {
            thread = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    String base = i++ % 2 == 0 ? a : b;
                    String path = i % 4 < 2 ? "/api/v1/scores" : "/api/v1/intakes";
                    int status;
                    try {
                        status = send(request(base, "POST", path, token, path.endsWith("scores") ? profile() : Requests.intake())).statusCode();
                    } catch (IOException | InterruptedException e) {
                        status = -1;
                    }
                    if (status / 100 == 2) {
                        answered.incrementAndGet();
                    } else {
                        failures.merge(status, 1, Integer::sum);
                    }
                }
            }, "switch-over-load");
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** How long until the condition holds; fails after 30 s. */
    private static Duration within(Condition condition) throws Exception {
        Instant start = Instant.now();
        while (!condition.holds()) {
            Duration waited = Duration.between(start, Instant.now());
            assertTrue(waited.compareTo(SWITCH_WITHIN) < 0, "not served by instance B within " + SWITCH_WITHIN.toSeconds() + " s");
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    private record CandidateVersion(long number, String distance) {
    }

    /**
     * A version with a report, registered in the shared database as a training run would: the shipped
     * distance model's bytes under a card naming a new artefact version, beside the shipped effect model.
     */
    private static CandidateVersion registerCandidate() throws SQLException {
        ModelArtefact shipped = ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE);
        String artefact = "distance-1.0.0-switch-" + UUID.randomUUID();
        byte[] card = new String(shipped.card(), StandardCharsets.UTF_8)
                .replace("\"modelVersion\" : \"distance-1.0.0\"", "\"modelVersion\" : \"" + artefact + "\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] report = "{\"verdict\":\"switch-over test\"}".getBytes(StandardCharsets.UTF_8);
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
            update(db, "INSERT INTO model_artefact (version, kind, content, sha256, card, card_sha256, registered_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", artefact, ModelFiles.DISTANCE, shipped.bytes(),
                    Sha256.hex(shipped.bytes()), card, Sha256.hex(card));
            Object[] active = single(db, "SELECT v.version, v.effects_version, v.catalogue_version, nextval('model_version_number') "
                    + "FROM model_version v JOIN model_pointer p ON v.version = p.active_version");
            long number = ((Number) active[3]).longValue();
            update(db, "INSERT INTO model_version (version, distance_version, effects_version, catalogue_version, registered_at, "
                    + "registered_by, provenance, report_json, report_html, report_sha256, evaluated_against) "
                    + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, 'switch-over test', '{\"source\":\"test\"}', ?, ?, ?, ?)", number,
                    artefact, active[1], active[2], report, "<p>test</p>".getBytes(StandardCharsets.UTF_8), Sha256.hex(report),
                    active[0]);
            return new CandidateVersion(number, artefact);
        }
    }

    private static Object[] single(Connection db, String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            assertTrue(row.next(), sql);
            Object[] values = new Object[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getObject(i + 1);
            }
            return values;
        }
    }

    /** Whether the shadow version stored its answer for any of these intakes. */
    private static boolean shadowScored(List<String> intakeIds, long version) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
             PreparedStatement query = db.prepareStatement("SELECT intake_id FROM shadow_score WHERE shadow_version = ?")) {
            query.setLong(1, version);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (intakeIds.contains(rows.getObject(1).toString())) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static String start(Path app, String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path directory = Files.createDirectories(WORK.resolve(name));
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", app.toString()).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(directory.resolve("service.log").toFile());
        builder.environment().putAll(Map.of("QUARKUS_HTTP_PORT", Integer.toString(port), "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", jdbcUser, "QUARKUS_DATASOURCE_PASSWORD", "",
                "TREDE_MODELS_DIRECTORY", Path.of("models").toAbsolutePath().toString(),
                // The load below comes from one demo caller; its quota is not what this test measures.
                "TREDE_RATE_LIMIT_REQUESTS", "1000000000"));
        INSTANCES.add(builder.start());
        return "http://localhost:" + port;
    }

    private static void awaitReady(String base) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(until)) {
            try {
                if (send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(base + " did not become ready within 180 s; see " + WORK.toAbsolutePath() + "/*/service.log");
    }

    private static String token(String account) throws Exception {
        return call(a, "POST", "/api/v1/demo-tokens", null, Map.of("account", account), 200).get("accessToken").asText();
    }

    private static JsonNode post(String base, String path, String token, Object body, int expected) throws Exception {
        return call(base, "POST", path, token, body, expected);
    }

    private static JsonNode call(String base, String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> answer = send(request(base, method, path, token, body));
        assertEquals(expected, answer.statusCode(), method + " " + path + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    private static HttpRequest request(String base, String method, String path, String token, Object body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> profile() {
        Map<String, Object> profile = Requests.intake();
        profile.remove("clientReference");
        profile.remove("municipalityCode");
        return profile;
    }
}
