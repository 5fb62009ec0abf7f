package nl.trede.recommendation;

import static nl.trede.Requests.as;
import static nl.trede.Requests.createIntake;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Advice is recorded once per intake, horizon and versions; a decision is compared only with advice that was shown. */
@QuarkusTest
class AdviceShownOnceTest {

    @Inject
    EntityManager entityManager;

    private long adviceRows(String intakeId) {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM recommendation WHERE intake_id = ?1")
                .setParameter(1, UUID.fromString(intakeId)).getSingleResult()).longValue();
    }

    private long auditEntries(String recommendationId) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT COUNT(*) FROM audit_entry WHERE resource_type = 'recommendation' AND resource_id = ?1")
                .setParameter(1, recommendationId).getSingleResult()).longValue();
    }

    private static String adviceId(String intakeId, int horizonMonths) {
        return given().queryParam("horizonMonths", horizonMonths).get("/api/v1/intakes/" + intakeId + "/recommendations")
                .then().statusCode(200).extract().path("id");
    }

    @Test
    void repeatedReadsReturnTheSameAdviceRecordOnceAndAuditEveryRead() {
        String intakeId = createIntake(intake());
        String first = adviceId(intakeId, 12);
        assertEquals(first, adviceId(intakeId, 12));
        assertEquals(first, adviceId(intakeId, 12));
        String longer = adviceId(intakeId, 24);
        assertTrue(!longer.equals(first), "another horizon is other advice");
        assertEquals(longer, adviceId(intakeId, 24));
        assertEquals(2, adviceRows(intakeId));
        assertEquals(3, auditEntries(first), "every read is audited");
        assertEquals(2, auditEntries(longer));
    }

    @Test
    void twentyConcurrentFirstReadsRecordOneAdvice() throws Exception {
        String intakeId = createIntake(intake());
        as(nl.trede.Requests.KLANTMANAGER); // the token, before the threads race
        int readers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().get("/api/v1/intakes/" + intakeId + "/recommendations")
                            .then().statusCode(200).extract().<String>path("id");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertEquals(1, ids.size(), "every reader sees the same advice: " + ids);
            assertEquals(1, adviceRows(intakeId));
            assertEquals(readers, auditEntries(ids.iterator().next()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionWithoutAdviceShownIsRefusedAndCreatesNoAdvice() {
        String intakeId = createIntake(intake());
        post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1",
                "reasonCode", "OTHER"))
                .statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409), "title", equalTo("Conflict"), "detail", containsString("GET its recommendations first"));
        assertEquals(0, adviceRows(intakeId));
        // An invalid body is still named field by field, before the missing advice.
        post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of("TELEPORTATION"), "klantmanagerId", "km-1"))
                .statusCode(400).body("invalidParams[0].name", equalTo("interventionCodes[0]"));
        assertEquals(0, adviceRows(intakeId));

        String shown = adviceId(intakeId, 12);
        post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1",
                "reasonCode", "OTHER"))
                .statusCode(201).body("recommendationId", equalTo(shown));
        assertEquals(1, adviceRows(intakeId));
    }

    @Test
    void withoutARecommendationIdTheDecisionIsComparedWithTheAdviceShownLast() {
        String intakeId = createIntake(intake());
        String twelve = adviceId(intakeId, 12);
        String twentyFour = adviceId(intakeId, 24);
        adviceId(intakeId, 12); // the klantmanager switched back: the 12-month advice is on screen
        JsonPath advice = given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().extract().jsonPath();
        post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of(advice.getString("items[0].interventionCode")),
                "klantmanagerId", "km-1"))
                .statusCode(201).body("recommendationId", equalTo(twelve), "override", equalTo(false));
        assertTrue(!twelve.equals(twentyFour));
    }

    @Test
    void theBaselineOfTheEffectsIsTheScoreTheKlantmanagerSees() {
        JsonPath created = post("/api/v1/intakes", intake()).statusCode(201).extract().jsonPath();
        double score = created.getDouble("score.probability");
        JsonPath advice = given().get("/api/v1/intakes/" + created.getString("id") + "/recommendations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(score, advice.getDouble("baselineChance"), 1e-12);
        assertEquals(created.getString("score.modelVersion"), advice.getString("modelVersion"));
    }

    @Test
    void everyRationaleIsDutchWithEnglishAlongside() {
        Map<String, Object> body = intake();
        body.put("problematicDebts", false);
        JsonPath advice = given().get("/api/v1/intakes/" + createIntake(body) + "/recommendations").then().extract().jsonPath();
        List<Map<String, Object>> items = advice.getList("items");
        for (Map<String, Object> item : items) {
            String dutch = (String) item.get("rationale");
            String english = (String) item.get("rationaleEnglish");
            assertTrue(dutch.matches("^(Het uitgangspunt|Geleerd van|Verwachting uit onderzoek|Te weinig vergelijkbare).*"), dutch);
            assertTrue(!english.isBlank() && !english.equals(dutch), english);
        }
        assertEquals("Past niet bij deze klant: alleen bij problematische schulden.",
                advice.getString("notEligible.find { it.interventionCode == 'DEBT_COUNSELLING' }.reason"));
        assertEquals("Not eligible: only with problematic debts",
                advice.getString("notEligible.find { it.interventionCode == 'DEBT_COUNSELLING' }.reasonEnglish"));
    }
}
