package nl.trede;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;
import nl.trede.core.synth.TestHistories;
import nl.trede.decision.Decision;
import nl.trede.intake.Intake;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelRegistry;
import nl.trede.outcome.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The learning loop end to end through the API (issue 11, point 9): a simulated municipality's
 * history is posted (intakes, advice shown, the klantmanagers' decisions with their overrides,
 * outcomes), exported, retrained from the service's own history, evaluated, shadowed, proposed by a
 * data scientist and approved by an admin; new intakes are then scored by the new version, a
 * rollback restores the old one, and the registry's history says at every step what was live.
 *
 * <p>Time is the one thing the API cannot move: the history is posted today, and then its decisions
 * and outcomes are moved back 25 months in the database (decision day, and each outcome to the
 * month after the decision at which the simulation says it happened), so that 12- and 24-month
 * labels exist. A few clients are left at today: their labels must come out censored.
 */
@QuarkusTest
class LoopEndToEndTest {

    private static final String MUNICIPALITY = "GM0996";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int CLIENTS = 2_000;
    private static final int RECENT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ModelRegistry registry;
    @Inject
    ActiveModels active;

    private final Caller caseSystem = Caller.of("case-system", MUNICIPALITY);
    private final Caller klantmanager = Caller.of("klantmanager", MUNICIPALITY);
    private final Caller dataScientist = Caller.of("data-scientist", MUNICIPALITY);
    private final Caller admin = Caller.of("admin", MUNICIPALITY);
    private long startVersion;

    /** One posted client: its decision and outcomes, and when the simulation says they happened. */
    private record Posted(UUID decisionId, List<UUID> outcomes, List<Integer> monthsAfterDecision, boolean override) {
    }

    private ActiveVersionGuard guard;

    @BeforeEach
    void remember() {
        guard = ActiveVersionGuard.remember(registry, active);
        startVersion = guard.startVersion();
    }

    @AfterEach
    void restore() {
        guard.restore();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMunicipalitysHistoryIsLearnedFromShadowedPromotedByASecondPersonAndRolledBack() throws Exception {
        SyntheticPopulation history = TestHistories.LOCAL.generate(CLIENTS + RECENT, 20261201);
        List<Posted> posted = post(history.clients());
        travelBack(posted.subList(0, CLIENTS));

        String csv = dataScientist.given().accept("text/csv").queryParam("municipalityCode", MUNICIPALITY)
                .get("/api/v1/training-data").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(CLIENTS + RECENT + 1, lines.size(), "a header and one row per decision");
        long overrides = posted.stream().filter(Posted::override).count();
        assertTrue(overrides > CLIENTS / 10, "the simulated klantmanagers deviate from the advice: " + overrides);
        assertEquals(RECENT, lines.stream().filter(l -> l.contains("HORIZON_NOT_REACHED")).count(),
                "decisions of today are censored, not counted as no work");

        long candidate = retrain();
        Map<String, Object> report = dataScientist.given().accept(ContentType.JSON).get("/api/v1/models/" + candidate + "/report")
                .then().statusCode(200).extract().as(Map.class);
        assertTrue((Integer) report.get("heldOutRecords") >= CLIENTS / 10, "evaluated on held-out records: " + report.get("heldOutRecords"));
        List<Map<String, Object>> effects = (List<Map<String, Object>>) report.get("effects");
        assertEquals(List.of(12, 24), effects.stream().map(e -> e.get("horizonMonths")).toList());
        assertTrue(effects.get(0).get("policies").toString().contains("actual"), "the klantmanagers' actual choices are a yardstick");

        String shipped = scoredBy();
        dataScientist.given().contentType(ContentType.JSON).body(Map.of("version", candidate, "reason", "compare on live intakes"))
                .put("/api/v1/models/shadow").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            assertEquals(shipped, scoredBy(), "a shadow is never what answers");
        }
        awaitShadowComparisons(5);

        String proposal = dataScientist.post("/api/v1/models/promotions", Map.of("version", candidate, "reason", "learned from GM0997"))
                .statusCode(201).extract().path("id");
        dataScientist.post("/api/v1/models/promotions/" + proposal + "/approval", Map.of("reason", "self")).statusCode(403);
        Instant beforePromotion = Instant.now();
        admin.post("/api/v1/models/promotions/" + proposal + "/approval", Map.of("reason", "report read")).statusCode(200);
        Instant promoted = Instant.now();
        String retrained = scoredBy();
        assertTrue(!retrained.equals(shipped) && retrained.equals(distanceOf(candidate)), "new intakes are scored by the new version");

        Instant beforeRollback = Instant.now();
        admin.post("/api/v1/models/rollbacks", Map.of("version", startVersion, "reason", "back to the shipped set")).statusCode(200);
        assertEquals(shipped, scoredBy(), "the rollback restores the old version");
        assertEquals(startVersion, liveAt(beforePromotion));
        assertEquals(candidate, liveAt(promoted));
        assertEquals(candidate, liveAt(beforeRollback));
        assertEquals(startVersion, liveAt(Instant.now()));
    }

    /** Starts a training run on the municipality's own history and waits for the candidate it registers. */
    @SuppressWarnings("unchecked")
    private long retrain() throws InterruptedException {
        String run = dataScientist.post("/api/v1/training-runs", Map.of("municipalityCode", MUNICIPALITY,
                "settings", Map.of("seed", 7, "heldOutShare", 0.3, "distanceCandidates", "LOGISTIC_REGRESSION"))).statusCode(202).extract().path("id");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> state = dataScientist.given().get("/api/v1/training-runs/" + run).then().statusCode(200)
                    .extract().as(Map.class);
            if ("SUCCEEDED".equals(state.get("status"))) {
                Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) state.get("result")).get("data");
                assertEquals(CLIENTS + RECENT, ((Number) data.get("records")).intValue(), "every decision was read: " + data);
                return ((Number) state.get("modelVersion")).longValue();
            }
            assertTrue(!"FAILED".equals(state.get("status")), "the run failed: " + state.get("failure"));
            Thread.sleep(1_000);
        }
        throw new AssertionError("the training run did not finish in 15 minutes");
    }

    /** Waits (the shadow scores after the intake's commit) until the shadow has scored at least {@code n} intakes. */
    private void awaitShadowComparisons(int n) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            int compared = dataScientist.given().get("/api/v1/models/shadow/comparison").then().statusCode(200)
                    .extract().path("intakesCompared");
            if (compared >= n) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the shadow did not score " + n + " intakes within 30 s");
    }

    /** The distance model version that scores a new intake of the municipality. */
    private String scoredBy() {
        Map<String, Object> intake = Requests.intake();
        intake.put("municipalityCode", MUNICIPALITY);
        return caseSystem.post("/api/v1/intakes", intake).statusCode(201).extract().path("score.modelVersion");
    }

    private String distanceOf(long version) {
        return registry.artefacts(version).byKind().get(ModelFiles.DISTANCE).version();
    }

    private long liveAt(Instant at) {
        return ((Number) admin.given().queryParam("at", at.toString()).get("/api/v1/models/active").then().statusCode(200)
                .extract().path("version")).longValue();
    }

    /**
     * Posts every client through the API as a case system and a klantmanager would, four at a time;
     * the last {@link #RECENT} without outcomes, as clients decided on today.
     */
    private List<Posted> post(List<SimulatedClient> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Posted>> futures = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                SimulatedClient client = clients.get(i);
                boolean followedUp = i < clients.size() - RECENT;
                futures.add(pool.submit(() -> post(client, followedUp)));
            }
            List<Posted> posted = new ArrayList<>();
            for (Future<Posted> f : futures) {
                posted.add(f.get());
            }
            return posted;
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private Posted post(SimulatedClient client, boolean followedUp) {
        Map<String, Object> intake = new HashMap<>(JSON.convertValue(client.profile(), Map.class));
        intake.put("clientReference", "LOOP-" + client.id());
        intake.put("municipalityCode", MUNICIPALITY);
        var created = caseSystem.post("/api/v1/intakes", intake).statusCode(201).extract();
        String intakeId = created.path("id");
        String clientId = created.path("clientId");
        String top = klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200)
                .extract().path("items[0].interventionCode");
        String given = client.intervention();
        Map<String, Object> decision = new HashMap<>(Map.of("interventionCodes", List.of(given), "klantmanagerId", "km-loop"));
        if (!given.equals(top)) {
            decision.put("reasonCode", "PROFESSIONAL_JUDGEMENT");
        }
        var decided = klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", decision).statusCode(201).extract();
        List<Integer> months = !followedUp ? List.of() : client.worked12() ? List.of(6) : client.worked24() ? List.of(12, 18) : List.of(24);
        List<UUID> outcomes = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            boolean worked = i == months.size() - 1 && (client.worked12() || client.worked24());
            outcomes.add(UUID.fromString(klantmanager.post("/api/v1/clients/" + clientId + "/outcomes",
                    Map.of("observedOn", LocalDate.now(ZONE).toString(), "status", worked ? "PAID_WORK" : "NO_CHANGE"))
                    .statusCode(201).extract().path("id")));
        }
        return new Posted(UUID.fromString(decided.path("id")), outcomes, months, decided.path("override"));
    }

    /** Moves each decision (and its intake) 25 months back and its outcomes to the months after it the simulation gave. */
    private static void travelBack(List<Posted> posted) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Posted p : posted) {
                Decision decision = Decision.findById(p.decisionId());
                decision.createdAt = decision.createdAt.atZone(ZONE).minusMonths(25).toInstant();
                Intake intake = Intake.findById(decision.intakeId);
                intake.createdAt = intake.createdAt.atZone(ZONE).minusMonths(25).toInstant();
                LocalDate decidedOn = LocalDate.ofInstant(decision.createdAt, ZONE);
                for (int i = 0; i < p.outcomes().size(); i++) {
                    Outcome outcome = Outcome.findById(p.outcomes().get(i));
                    outcome.observedOn = decidedOn.plusMonths(p.monthsAfterDecision().get(i));
                }
            }
        });
    }
}
