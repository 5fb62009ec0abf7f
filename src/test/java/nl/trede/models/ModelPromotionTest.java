package nl.trede.models;

import static nl.trede.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.trede.ActiveVersionGuard;
import nl.trede.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promotion and rollback through the API: proposed by a data scientist on a report, approved by an
 * admin who is someone else, carried out in one transaction that moves the pointer and appends the
 * event; two approvals at once cannot both win; "which version was live at t" is right after every move.
 */
@QuarkusTest
class ModelPromotionTest {

    private static final String DATA_SCIENTIST = "data-scientist-rotterdam";
    private static final String ADMIN = "admin-rotterdam";

    @Inject
    ModelRegistry registry;
    @Inject
    ActiveModels active;

    private ActiveVersionGuard guard;
    private long startVersion;

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
    void aVersionWithoutAReportCannotBeProposed() {
        long bare = CandidateVersions.register(registry, false);
        post(as(DATA_SCIENTIST), "/models/promotions", Map.of("version", bare, "reason", "looks good")).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("report_required"));
        post(as(DATA_SCIENTIST), "/models/promotions", Map.of("version", 999_999, "reason", "x")).then().statusCode(404);
        post(as(ADMIN), "/models/promotions", Map.of("version", bare, "reason", "x")).then().statusCode(403);
        given(as(ADMIN)).get("/api/v1/models/" + bare + "/report").then().statusCode(404);
    }

    @Test
    void promotedByASecondPersonThenRolledBackWithTheHistoryRightAtEveryStep() throws Exception {
        long candidate = CandidateVersions.register(registry, true);
        String candidateDistance = CandidateVersions.distanceOf(registry, candidate);
        Instant beforePromotion = Instant.now();
        Thread.sleep(5);

        given(as(DATA_SCIENTIST)).get("/api/v1/models").then().statusCode(200)
                .body("versions.find { it.version == " + candidate + " }.status", equalTo("CANDIDATE"),
                        "versions.find { it.version == " + startVersion + " }.status", equalTo("ACTIVE"),
                        "versions.find { it.version == " + candidate + " }.report.href",
                        equalTo("/api/v1/models/" + candidate + "/report"));
        given(as(DATA_SCIENTIST)).accept("text/html").get("/api/v1/models/" + candidate + "/report").then()
                .statusCode(200).contentType("text/html");
        given(as(DATA_SCIENTIST)).accept("application/json").get("/api/v1/models/" + candidate + "/report").then()
                .statusCode(200).body("candidate", equalTo((int) candidate));

        Response proposed = post(as(DATA_SCIENTIST), "/models/promotions", Map.of("version", candidate, "reason", "better calibrated"));
        proposed.then().statusCode(201).body("state", equalTo("PROPOSED"), "fromVersion", equalTo((int) startVersion),
                "proposedBy", equalTo(DATA_SCIENTIST));
        String promotion = proposed.path("id");
        assertTrue(proposed.header("Location").endsWith("/api/v1/models/promotions/" + promotion));

        // Four eyes: someone with both roles who proposed cannot approve their own proposal.
        RequestSpecification both = bothRoles("ds-and-admin");
        String own = post(both, "/models/promotions", Map.of("version", candidate, "reason", "mine")).then().statusCode(201)
                .extract().path("id");
        post(both, "/models/promotions/" + own + "/approval", Map.of("reason", "approving my own")).then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("same_person"));
        post(as(DATA_SCIENTIST), "/models/promotions/" + promotion + "/approval", Map.of("reason", "x")).then().statusCode(403);

        post(as(ADMIN), "/models/promotions/" + promotion + "/approval", Map.of("reason", "report reviewed")).then()
                .statusCode(200).body("state", equalTo("APPROVED"), "decidedBy", equalTo(ADMIN));
        Instant afterPromotion = Instant.now();
        assertEquals(candidate, active.currentVersion(), "the approving instance serves it at once");
        assertEquals(candidateDistance, score(), "new intakes are scored by the promoted version");
        post(as(ADMIN), "/models/promotions/" + promotion + "/approval", Map.of("reason", "again")).then()
                .statusCode(409).body("code", equalTo("already_decided"));
        // The other proposal was made against the version active before: its report compared with a version that no longer serves.
        post(bothRoles("another-admin"), "/models/promotions/" + own + "/approval", Map.of("reason", "x")).then()
                .statusCode(409).body("code", equalTo("stale_proposal"));

        given(as(ADMIN)).get("/api/v1/models").then().statusCode(200)
                .body("versions.find { it.version == " + candidate + " }.status", equalTo("ACTIVE"),
                        "versions.find { it.version == " + startVersion + " }.status", equalTo("RETIRED"),
                        "servingVersion", equalTo((int) candidate),
                        "history[-1].kind", equalTo("PROMOTED"), "history[-1].fromVersion", equalTo((int) startVersion),
                        "history[-1].toVersion", equalTo((int) candidate), "history[-1].actor", equalTo(ADMIN),
                        "history[-1].proposedBy", equalTo(DATA_SCIENTIST), "history[-1].reason", equalTo("report reviewed"),
                        "history[-1].promotionId", equalTo(promotion));
        liveAt(beforePromotion).then().statusCode(200).body("version", equalTo((int) startVersion));
        liveAt(afterPromotion).then().statusCode(200).body("version", equalTo((int) candidate),
                "distanceModel", equalTo(candidateDistance), "since.kind", equalTo("PROMOTED"));

        post(as(ADMIN), "/models/rollbacks", Map.of("reason", "complaints")).then().statusCode(200)
                .body("kind", equalTo("ROLLED_BACK"), "fromVersion", equalTo((int) candidate), "toVersion", equalTo((int) startVersion));
        Instant afterRollback = Instant.now();
        assertEquals(startVersion, active.currentVersion());
        assertEquals("distance-1.0.0", score());
        liveAt(beforePromotion).then().body("version", equalTo((int) startVersion));
        liveAt(afterPromotion).then().body("version", equalTo((int) candidate));
        liveAt(afterRollback).then().body("version", equalTo((int) startVersion));
        given(as(ADMIN)).get("/api/v1/models").then()
                .body("versions.find { it.version == " + candidate + " }.status", equalTo("RETIRED"));

        // Every move is on the audit trail, with the version it concerns.
        List<String> candidateActions = auditActions(String.valueOf(candidate));
        assertTrue(candidateActions.containsAll(List.of("PROPOSE", "PROMOTE")), "audited moves of the candidate: " + candidateActions);
        assertTrue(auditActions(String.valueOf(startVersion)).contains("ROLLBACK"));
    }

    @Test
    void ofTwoApprovalsAtOnceExactlyOneWins() throws Exception {
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long candidate = CandidateVersions.register(registry, true);
            proposals.add(post(as(DATA_SCIENTIST), "/models/promotions", Map.of("version", candidate, "reason", "race " + i))
                    .then().statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String id : proposals) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(as(ADMIN), "/models/promotions/" + id + "/approval", Map.of("reason", "race")).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        List<ModelEvent> history = registry.events();
        ModelEvent last = history.get(history.size() - 1);
        assertEquals(ModelEvent.Kind.PROMOTED, last.kind());
        assertEquals(startVersion, last.fromVersion(), "the winner moved the pointer from the version both saw");
        assertEquals(last.toVersion(), registry.pointer().active());
    }

    @Test
    void aRollbackNeedsAVersionThatWasActive() {
        long never = CandidateVersions.register(registry, true);
        post(as(ADMIN), "/models/rollbacks", Map.of("version", never, "reason", "x")).then()
                .statusCode(409).body("code", equalTo("invalid_transition"));
        post(as(ADMIN), "/models/rollbacks", Map.of("version", startVersion, "reason", "x")).then()
                .statusCode(409).body("code", equalTo("invalid_transition"));
        post(as(DATA_SCIENTIST), "/models/rollbacks", Map.of("reason", "x")).then().statusCode(403);
        post(as(ADMIN), "/models/rollbacks", Map.of("version", 0)).then().statusCode(400)
                .body("invalidParams.name", hasItems("reason", "version"));
    }

    @Test
    void theMomentAskedAboutMustBeReadableAndPast() {
        given(as(ADMIN)).queryParam("at", "yesterday").get("/api/v1/models/active").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("at"), "invalidParams[0].code", equalTo("invalid_format"));
        given(as(ADMIN)).queryParam("at", "2999-01-01T00:00:00Z").get("/api/v1/models/active").then().statusCode(400)
                .body("invalidParams[0].code", equalTo("out_of_range"));
        given(as(ADMIN)).queryParam("at", "2000-01-01T00:00:00Z").get("/api/v1/models/active").then().statusCode(404);
        given(as(ADMIN)).get("/api/v1/models/active").then().statusCode(200).body("version", equalTo((int) startVersion));
    }

    private static Response liveAt(Instant at) {
        return given(as(ADMIN)).queryParam("at", at.toString()).get("/api/v1/models/active");
    }

    private static String score() {
        return given(as("case-system-rotterdam")).contentType(ContentType.JSON).body(Map.of("age", 30)).post("/api/v1/scores")
                .then().statusCode(200).extract().path("modelVersion");
    }

    private static RequestSpecification bothRoles(String account) {
        String token = Jwt.subject(account).upn(account).groups(Set.of(Roles.DATA_SCIENTIST, Roles.ADMIN))
                .claim("municipalities", List.of("GM0599")).expiresIn(3600).sign();
        return RestAssured.given().auth().oauth2(token);
    }

    private static RequestSpecification given(RequestSpecification spec) {
        return spec;
    }

    private static Response post(RequestSpecification spec, String path, Object body) {
        return spec.contentType(ContentType.JSON).body(body).post("/api/v1" + path);
    }

    /** The actions on the whole audit trail (every page of it: other tests write to it too) recorded for a model version. */
    private static List<String> auditActions(String modelVersion) {
        List<String> actions = new ArrayList<>();
        long afterSeq = 0;
        while (true) {
            List<Map<String, Object>> page = given(as("auditor-rotterdam")).queryParam("limit", 500).queryParam("afterSeq", afterSeq)
                    .get("/api/v1/audit-trail").then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> entry : page) {
                if (modelVersion.equals(entry.get("modelVersion"))) {
                    actions.add((String) entry.get("action"));
                }
                afterSeq = Math.max(afterSeq, ((Number) entry.get("seq")).longValue());
            }
            if (page.size() < 500) { // the last page (each read of the trail is itself recorded, so the trail never runs dry)
                return actions;
            }
        }
    }
}
