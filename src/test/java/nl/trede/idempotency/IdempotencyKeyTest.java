package nl.trede.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.trede.Caller;
import nl.trede.Requests;
import org.junit.jupiter.api.Test;

/**
 * Case systems retry on every network hiccup. With an Idempotency-Key a request is carried out once,
 * however often and however simultaneously it is sent: every retry gets the original answer or,
 * while the original is still running, 409; the same key with another request gets 422.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final int SIMULTANEOUS = 24;

    private final Caller caseSystem = Caller.of("case-system", "GM0344");

    @Inject
    IdempotencyStore store;

    @Inject
    EntityManager db;

    @Test
    void simultaneousRetriesOfAnIntakeRecordOneIntake() throws Exception {
        Map<String, Object> intake = intakeBody();
        Response first = onceAtLeast("/api/v1/intakes", intake, UUID.randomUUID().toString());
        String clientId = first.path("clientId");
        assertEquals(Map.of("INTAKE", 1L), timeline(clientId), "one intake, however often it was sent");
    }

    @Test
    void simultaneousRetriesOfADecisionRecordOneDecision() throws Exception {
        JsonPath intake = caseSystem.post("/api/v1/intakes", intakeBody()).statusCode(201).extract().jsonPath();
        caseSystem.given().get("/api/v1/intakes/" + intake.getString("id") + "/recommendations").then().statusCode(200);
        onceAtLeast("/api/v1/intakes/" + intake.getString("id") + "/decisions", decisionBody(), UUID.randomUUID().toString());
        assertEquals(1L, timeline(intake.getString("clientId")).get("DECISION"));
    }

    @Test
    void simultaneousRetriesOfAnOutcomeRecordOneOutcome() throws Exception {
        String clientId = decidedClient();
        onceAtLeast("/api/v1/clients/" + clientId + "/outcomes", outcomeBody(), UUID.randomUUID().toString());
        assertEquals(1L, timeline(clientId).get("OUTCOME"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> intake = intakeBody();
        String clientId = withKey(key).body(intake).post("/api/v1/intakes").then().statusCode(201).extract().path("clientId");
        intake.put("age", 35);
        withKey(key).body(intake).post("/api/v1/intakes").then()
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("idempotency_key_reused"), "status", equalTo(422),
                        "detail", equalTo("This Idempotency-Key was already used for another request (another body, method or path); "
                                + "send a new key for a new request"));
        assertEquals(Map.of("INTAKE", 1L), timeline(clientId));
    }

    @Test
    void theSameKeyOnAnotherPathIsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        String clientId = decidedClient();
        withKey(key).body(outcomeBody()).post("/api/v1/clients/" + clientId + "/outcomes").then().statusCode(201);
        withKey(key).body(outcomeBody()).post("/api/v1/clients/" + decidedClient() + "/outcomes").then()
                .statusCode(422).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void aRetryWhileTheOriginalIsBeingCarriedOutGets409WithRetryAfter() {
        String key = UUID.randomUUID().toString();
        String json = toJson(intakeBody());
        // The original's claim, as it stands while it runs (on this or another instance).
        assertTrue(store.claim(scopeOf(caseSystem), key, requestHash("/api/v1/intakes", json), Duration.ofMinutes(1))
                instanceof IdempotencyStore.Claimed);

        withKey(key).body(json).post("/api/v1/intakes").then()
                .statusCode(409).contentType("application/problem+json").header("Retry-After", "1")
                .body("code", equalTo("request_in_progress"));
    }

    @Test
    void aClaimAbandonedByACrashedInstanceIsTakenOverByTheRetry() {
        String key = UUID.randomUUID().toString();
        String json = toJson(intakeBody());
        store.claim(scopeOf(caseSystem), key, requestHash("/api/v1/intakes", json), Duration.ofMinutes(1));
        // The instance died mid-request: its claim is older than trede.idempotency.abandoned-after.
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                        "UPDATE idempotent_request SET claimed_at = ?1 WHERE idempotency_key = ?2")
                .setParameter(1, Instant.now().minus(Duration.ofMinutes(5))).setParameter(2, key).executeUpdate());

        String id = withKey(key).body(json).post("/api/v1/intakes").then().statusCode(201).extract().path("id");
        withKey(key).body(json).post("/api/v1/intakes").then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsRetryIsCarriedOut() {
        JsonPath intake = caseSystem.post("/api/v1/intakes", intakeBody()).statusCode(201).extract().jsonPath();
        String decisions = "/api/v1/intakes/" + intake.getString("id") + "/decisions";
        String key = UUID.randomUUID().toString();
        withKey(key).body(decisionBody()).post(decisions).then().statusCode(409).body("code", nullValue());
        caseSystem.given().get("/api/v1/intakes/" + intake.getString("id") + "/recommendations").then().statusCode(200);
        withKey(key).body(decisionBody()).post(decisions).then().statusCode(201).header(IdempotencyInterceptor.REPLAYED_HEADER, nullValue());
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> intake = intakeBody();
        String mine = withKey(key).body(intake).post("/api/v1/intakes").then().statusCode(201).extract().path("id");
        Caller colleague = new Caller("another-case-system", "case-system", caseSystem.municipality(),
                Jwt.subject("another-case-system").groups(Set.of("case-system"))
                        .claim("municipalities", List.of(caseSystem.municipality())).expiresIn(3600).sign());
        String theirs = colleague.given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key).body(intake)
                .post("/api/v1/intakes").then().statusCode(201).extract().path("id");
        assertFalse(mine.equals(theirs), "another caller's key is another key: no answer is replayed to someone else");
    }

    @Test
    void theQuotedFormOfTheDraftIsTheSameKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> intake = intakeBody();
        String id = withKey(key).body(intake).post("/api/v1/intakes").then().statusCode(201).extract().path("id");
        caseSystem.given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, "\"" + key + "\"").body(intake)
                .post("/api/v1/intakes").then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void invalidKeysAreRefusedWithTheirCode() {
        Map<String, Object> intake = intakeBody();
        for (Map.Entry<String, String> invalid : Map.of("x".repeat(256), "too_long", "two words", "invalid_format",
                "\"\"", "required", "sleutel-é", "invalid_format").entrySet()) {
            withKey(invalid.getKey()).body(intake).post("/api/v1/intakes").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("invalidParams[0].name", equalTo("Idempotency-Key"), "invalidParams[0].code", equalTo(invalid.getValue()));
        }
        assertTrue(timelineOfReference(intake).isEmpty(), "an invalid key carries nothing out");
    }

    @Test
    void erasingTheClientForgetsTheAnswerKeptForRetries() {
        String key = UUID.randomUUID().toString();
        String clientId = withKey(key).body(intakeBody()).post("/api/v1/intakes").then().statusCode(201).extract().path("clientId");
        Number kept = (Number) QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery(
                "SELECT COUNT(*) FROM idempotent_request WHERE idempotency_key = ?1 AND client_id = ?2")
                .setParameter(1, key).setParameter(2, UUID.fromString(clientId)).getSingleResult());
        assertEquals(1, kept.intValue());
        Caller.of("admin", caseSystem.municipality()).given().delete("/api/v1/clients/" + clientId + "/personal-data")
                .then().statusCode(204);
        Number left = (Number) QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery(
                "SELECT COUNT(*) FROM idempotent_request WHERE idempotency_key = ?1").setParameter(1, key).getSingleResult());
        assertEquals(0, left.intValue());
    }

    @Test
    void aKeyOlderThanTheRetentionIsForgottenAndItsRequestCarriedOutAnew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> intake = intakeBody();
        String first = withKey(key).body(intake).post("/api/v1/intakes").then().statusCode(201).extract().path("id");
        store.purgeCreatedBefore(Instant.now().plus(Duration.ofSeconds(1)));
        withKey(key).body(intake).post("/api/v1/intakes").then().statusCode(201)
                .header(IdempotencyInterceptor.REPLAYED_HEADER, nullValue()).body("id", not(equalTo(first)));
    }

    /**
     * Sends one request {@value #SIMULTANEOUS} times at once with one key: every answer is the one
     * original 201 or a 409 "in progress", and a retry afterwards gets the original.
     */
    private Response onceAtLeast(String path, Map<String, Object> body, String key) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SIMULTANEOUS);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < SIMULTANEOUS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return withKey(key).body(body).post(path);
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            Set<String> created = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 201) {
                    created.add(response.asString());
                } else {
                    assertEquals("request_in_progress", response.path("code"), response.asString());
                }
            }
            assertTrue(Set.of(201, 409).containsAll(statuses.keySet()), "statuses: " + statuses);
            assertTrue(statuses.containsKey(201), "statuses: " + statuses);
            assertEquals(1, created.size(), "every 201 is the same answer");
            Response retry = withKey(key).body(body).post(path);
            assertEquals(201, retry.statusCode());
            assertEquals(created.iterator().next(), retry.asString(), "the retry gets the original answer");
            assertEquals("true", retry.header(IdempotencyInterceptor.REPLAYED_HEADER));
            return retry;
        } finally {
            pool.shutdownNow();
        }
    }

    private RequestSpecification withKey(String key) {
        return caseSystem.given().contentType(ContentType.JSON).header(IdempotencyKey.HEADER, key);
    }

    private Map<String, Object> intakeBody() {
        Map<String, Object> intake = Requests.intake();
        intake.put("municipalityCode", caseSystem.municipality());
        return intake;
    }

    private static Map<String, Object> decisionBody() {
        return Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-7", "reasonCode", "CAPACITY");
    }

    private static Map<String, Object> outcomeBody() {
        return Map.of("observedOn", LocalDate.now().toString(), "status", "PARTIAL_WORK", "hoursPerWeek", 16, "participationRung", 5);
    }

    private String decidedClient() {
        JsonPath intake = caseSystem.post("/api/v1/intakes", intakeBody()).statusCode(201).extract().jsonPath();
        caseSystem.given().get("/api/v1/intakes/" + intake.getString("id") + "/recommendations").then().statusCode(200);
        caseSystem.post("/api/v1/intakes/" + intake.getString("id") + "/decisions", decisionBody()).statusCode(201);
        return intake.getString("clientId");
    }

    private Map<String, Long> timeline(String clientId) {
        List<String> types = caseSystem.given().get("/api/v1/clients/" + clientId).then().statusCode(200).extract().path("timeline.type");
        return types.stream().filter(type -> !type.equals("RECOMMENDATION"))
                .collect(Collectors.groupingBy(type -> type, TreeMap::new, Collectors.counting()));
    }

    private List<Object> timelineOfReference(Map<String, Object> intake) {
        Response found = caseSystem.given().contentType(ContentType.JSON)
                .body(Map.of("clientReference", intake.get("clientReference"), "municipalityCode", caseSystem.municipality()))
                .post("/api/v1/clients/search");
        return found.statusCode() == 404 ? List.of() : found.path("timeline");
    }

    private static String toJson(Map<String, Object> body) {
        return new ObjectMapper().valueToTree(body).toString();
    }

    private static String scopeOf(Caller caller) {
        return sha256(caller.account() + "\n" + caller.municipality());
    }

    private static String requestHash(String path, String json) {
        return sha256("POST " + path + "\n" + json);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
