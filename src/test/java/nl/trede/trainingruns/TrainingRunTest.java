package nl.trede.trainingruns;

import static nl.trede.Requests.as;
import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.Caller;
import nl.trede.audit.AuditEntry;
import nl.trede.core.digest.Sha256;
import nl.trede.core.synth.HistoryCsv;
import nl.trede.core.synth.TestHistories;
import org.junit.jupiter.api.Test;

/**
 * Training runs through the API: from an uploaded simulated history to a candidate version whose
 * report can be read and which can be proposed for promotion; from the service's own history;
 * progress and log while it runs; bad input; a run that lost its instance. Small data and small
 * settings (the linear distance model, 2 folds) keep a run to seconds.
 */
@QuarkusTest
class TrainingRunTest {

    private static final String DATA_SCIENTIST = "data-scientist-rotterdam";
    private static final int RECORDS = 2000;
    private static final String FAST = "?seed=3&heldOutShare=0.3&distanceCandidates=LOGISTIC_REGRESSION&folds=2";

    @Inject
    TrainingRuns runs;

    @Test
    void aRunFromAnUploadedHistoryRegistersACandidateWithItsReportThatCanBeProposed() throws IOException {
        byte[] csv = history(RECORDS, 21);
        Response accepted = as(DATA_SCIENTIST).contentType("text/csv").body(csv).post("/api/v1/training-runs" + FAST);
        accepted.then().statusCode(202).body("source", equalTo("CSV")).body("settings.seed", equalTo(3))
                .body("settings.folds", equalTo(2));
        String location = accepted.header("Location");
        assertTrue(location.endsWith("/api/v1/training-runs/" + accepted.path("id")), location);

        boolean seenRunningWithLog = false;
        JsonPath run;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        do {
            run = as(DATA_SCIENTIST).get(location).then().statusCode(200).extract().jsonPath();
            if (run.getString("status").equals("RUNNING") && !run.getList("log").isEmpty()) {
                seenRunningWithLog = true;
                double progress = run.getDouble("progress");
                assertTrue(progress > 0 && progress < 1, "progress " + progress);
            }
        } while (!ended(run) && Instant.now().isBefore(deadline));
        assertEquals("SUCCEEDED", run.getString("status"), run.getString("failure"));
        assertTrue(seenRunningWithLog, "the stage and the log are readable while the run goes on");
        assertEquals(1.0, run.getDouble("progress"));
        assertTrue(run.getList("log.line", String.class).stream().anyMatch(l -> l.contains("1400 to fit on, 600 held out")));

        int version = run.getInt("modelVersion");
        assertEquals("/api/v1/models/" + version + "/report", run.getString("report"));
        assertEquals(Sha256.hex(csv), run.getString("result.data.sha256"), "the run records the hash of the data as read");
        assertEquals(RECORDS, run.getInt("result.data.records"));
        assertEquals(1400, run.getInt("result.split.fitRecords"));
        assertEquals(600, run.getInt("result.split.heldOutRecords"));
        assertEquals("1.0.0", run.getString("result.code.version"));
        assertEquals(3, run.getInt("result.settings.seed"));
        assertTrue(run.getDouble("result.durationSeconds") > 0);
        assertTrue(run.getList("result.positivity").size() > 0, "a small cream-skimmed history has options almost never chosen");

        JsonPath report = as(DATA_SCIENTIST).accept(ContentType.JSON).get(run.getString("report")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(600, report.getInt("heldOutRecords"), "the report is measured on the held-out part");
        assertEquals("distance-v" + version, report.getString("candidate.distance"));

        JsonPath models = as(DATA_SCIENTIST).get("/api/v1/models").then().statusCode(200).extract().jsonPath();
        assertEquals("CANDIDATE", models.getString("versions.find { it.version == " + version + " }.status"));
        // the held-out part never reached a trainer: the distance model's card counts the fit part only
        as(DATA_SCIENTIST).get("/api/v1/models/distance-v" + version).then().statusCode(200)
                .body("card.trainingData.trainingClients", equalTo(1400));

        as(DATA_SCIENTIST).contentType(ContentType.JSON).body(Map.of("version", version, "reason", "retrained on the upload"))
                .post("/api/v1/models/promotions").then().statusCode(201).body("version", equalTo(version));

        UUID id = UUID.fromString(run.getString("id"));
        assertEquals(1, audited("training-run", id), "the start is on the audit trail");
        assertEquals(1, audited("model-version", id), "and so is the registration");
        as(DATA_SCIENTIST).get("/api/v1/training-runs").then().statusCode(200).body("id", hasItems(id.toString()));
    }

    @Test
    void aRunFromTheServicesHistoryReadsTheExportAndSaysWhyItCannotTrainOnTooLittle() {
        String municipality = "GM0034";
        Caller klantmanager = Caller.klantmanagerOf(municipality);
        for (int i = 0; i < 3; i++) {
            String intakeId = klantmanager.createIntake(intake());
            klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
            klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of("NONE"),
                    "klantmanagerId", "km-1", "reasonCode", "OTHER")).statusCode(201);
        }
        Caller dataScientist = Caller.of("data-scientist", municipality);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Amsterdam")); // decisions are dated by the day in the Netherlands
        String today = day.toString();
        Map<String, String> source = Map.of("municipalityCode", municipality, "from", today, "to", day.plusDays(1).toString());
        String key = UUID.randomUUID().toString();
        Response accepted = dataScientist.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(source)
                .post("/api/v1/training-runs");
        accepted.then().statusCode(202).body("source", equalTo("HISTORY")).body("municipalityCode", equalTo(municipality));
        String location = accepted.header("Location");
        String id = accepted.path("id");
        dataScientist.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(source).post("/api/v1/training-runs")
                .then().statusCode(202).header("Idempotent-Replayed", "true").header("Location", location)
                .body("id", equalTo(id));
        assertEquals(List.of(id), dataScientist.given().get("/api/v1/training-runs").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.municipalityCode == '" + municipality + "' }.id"),
                "a retry with its key starts no second run");
        JsonPath run = awaitEnd(dataScientist, location);
        assertEquals("FAILED", run.getString("status"));
        assertTrue(run.getList("log.line", String.class).stream().anyMatch(l -> l.startsWith("read 3 records, SHA-256 ")
                && l.endsWith("decisions " + today + " to " + today)), run.getList("log.line").toString());
        assertTrue(run.getString("failure").contains("too few records to train on"), run.getString("failure"));
        assertNull(run.get("modelVersion"));
    }

    @Test
    void anUnreadableHistoryIsRefusedNamingItsLineAndColumn() throws IOException {
        String csv = new String(history(5, 1), StandardCharsets.UTF_8);
        List<String> lines = new java.util.ArrayList<>(csv.lines().toList());
        String[] cells = lines.get(2).split(",", -1);
        cells[1] = "forty"; // the age of line 3 (the header is line 1)
        lines.set(2, String.join(",", cells));
        as(DATA_SCIENTIST).contentType("text/csv").body(String.join("\n", lines)).post("/api/v1/training-runs").then()
                .statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", equalTo("body"))
                .body("invalidParams[0].code", equalTo("invalid_format"))
                .body("invalidParams[0].reason", containsString("line 3, column 'age'"));
        as(DATA_SCIENTIST).contentType("text/csv").body("age,intervention\n30,NONE\n").post("/api/v1/training-runs").then()
                .statusCode(400).body("invalidParams[0].reason", containsString("lacks the columns"));
        as(DATA_SCIENTIST).contentType("text/csv").body("").post("/api/v1/training-runs").then()
                .statusCode(400).body("invalidParams[0].code", equalTo("required"));
    }

    @Test
    void badSettingsAreListedAtOnce() throws IOException {
        as(DATA_SCIENTIST).contentType("text/csv").body(history(5, 1))
                .post("/api/v1/training-runs?seed=x&heldOutShare=0.9&distanceCandidates=FOREST&folds=1&finalLambda12=abc").then()
                .statusCode(400).body("invalidParams.name", hasItems("seed", "heldOutShare", "distanceCandidates", "folds",
                        "finalLambda12"));
        as(DATA_SCIENTIST).contentType(ContentType.JSON).body(Map.of("municipalityCode", "Rotterdam", "from", "2026-02-01",
                        "to", "2026-01-01", "settings", Map.of("heldOutShare", 0, "finalLambda24", 0)))
                .post("/api/v1/training-runs").then().statusCode(400)
                .body("invalidParams.name", hasItems("municipalityCode", "to", "heldOutShare", "finalLambda24"));
    }

    @Test
    void onlyADataScientistActingForTheMunicipalityStartsOrReadsARun() throws IOException {
        as("klantmanager-rotterdam").contentType("text/csv").body(history(5, 1)).post("/api/v1/training-runs").then()
                .statusCode(403);
        as("klantmanager-rotterdam").get("/api/v1/training-runs").then().statusCode(403);
        as(DATA_SCIENTIST).contentType(ContentType.JSON).body(Map.of("municipalityCode", "GM0363"))
                .post("/api/v1/training-runs").then().statusCode(403);
        UUID amsterdam = stored(TrainingRun.Status.QUEUED, Instant.now(), "GM0363");
        as(DATA_SCIENTIST).get("/api/v1/training-runs/" + amsterdam).then().statusCode(404);
        Caller.of("data-scientist", "GM0363").given().get("/api/v1/training-runs/" + amsterdam).then().statusCode(200);
        as(DATA_SCIENTIST).get("/api/v1/training-runs/" + UUID.randomUUID()).then().statusCode(404);
    }

    /** A run whose instance stopped writing its heartbeat (a restart, a crash) is marked FAILED, not left RUNNING. */
    @Test
    void aRunThatLostItsInstanceIsMarkedFailedWithThatReason() {
        UUID lost = stored(TrainingRun.Status.RUNNING, Instant.now().minus(Duration.ofMinutes(10)), "GM0599");
        UUID alive = stored(TrainingRun.Status.QUEUED, Instant.now(), "GM0599");
        assertTrue(runs.failAbandoned() >= 1);
        as(DATA_SCIENTIST).get("/api/v1/training-runs/" + lost).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("failure", containsString("stopped (a restart or a crash) before the run finished"));
        as(DATA_SCIENTIST).get("/api/v1/training-runs/" + alive).then().statusCode(200).body("status", equalTo("QUEUED"));
    }

    /** A run as another instance stored it (this instance's worker never sees it). */
    private static UUID stored(TrainingRun.Status status, Instant heartbeat, String municipality) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun run = new TrainingRun();
            run.id = UUID.randomUUID();
            run.status = status;
            run.source = TrainingRun.Source.HISTORY;
            run.municipalityCode = municipality;
            run.settings = "{\"seed\":1,\"heldOutShare\":0.2,\"distanceCandidates\":\"STANDARD\",\"finalLambda12\":20000,"
                    + "\"finalLambda24\":5000,\"folds\":5,\"threads\":2}";
            run.requestedBy = "another instance's caller";
            run.requestedRoles = "data-scientist";
            run.requestedAt = heartbeat;
            run.instanceId = "another instance";
            run.heartbeatAt = heartbeat;
            run.stage = status == TrainingRun.Status.RUNNING ? "fitting the effect model" : "queued";
            run.progress = status == TrainingRun.Status.RUNNING ? 0.4 : 0;
            run.persist();
            return run.id;
        });
    }

    private static JsonPath awaitEnd(Caller caller, String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonPath run;
        do {
            run = caller.given().get(location).then().statusCode(200).extract().jsonPath();
        } while (!ended(run) && Instant.now().isBefore(deadline));
        return run;
    }

    private static boolean ended(JsonPath run) {
        return List.of("SUCCEEDED", "FAILED").contains(run.getString("status"));
    }

    private static long audited(String resourceType, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("resourceType = ?1 and resourceId = ?2 and action = ?3",
                resourceType, id.toString(), "CREATE"));
    }

    private static byte[] history(int clients, long seed) throws IOException {
        StringWriter out = new StringWriter();
        HistoryCsv.write(TestHistories.STANDARD.generate(clients, seed), out, false);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
