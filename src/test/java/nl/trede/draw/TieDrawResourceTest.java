package nl.trede.draw;

import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import nl.trede.Caller;
import nl.trede.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Randomisation among tied options through the API, each test in a municipality nobody has switched
 * anything for yet, so that "off by default" is what a new municipality really gets.
 */
@QuarkusTest
class TieDrawResourceTest {

    @Inject
    EntityManager entityManager;

    private String municipality;
    private Caller klantmanager;
    private Caller teamLead;

    @BeforeEach
    void aMunicipalityOfItsOwn() {
        municipality = QuarkusTransaction.requiringNew().call(() -> {
            while (true) {
                String code = String.format("GM%04d", ThreadLocalRandom.current().nextInt(2000, 10000));
                // Unused by every test so far: no setting changed and no intake (an earlier test's decisions would
                // otherwise appear in this one's training data).
                long uses = ((Number) entityManager.createNativeQuery(
                        "SELECT (SELECT COUNT(*) FROM tie_randomisation_change WHERE municipality_code = ?1)"
                                + " + (SELECT COUNT(*) FROM intake WHERE municipality_code = ?1)")
                        .setParameter(1, code).getSingleResult()).longValue();
                if (uses == 0) {
                    return code;
                }
            }
        });
        klantmanager = Caller.klantmanagerOf(municipality);
        teamLead = Caller.of(Roles.TEAM_LEAD, municipality);
    }

    private String setting() {
        return "/api/v1/municipalities/" + municipality + "/tie-randomisation";
    }

    private void switchOn() {
        teamLead.given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put(setting()).then().statusCode(200)
                .body("enabled", equalTo(true));
    }

    /** An intake whose 12-month advice has options tied with its top (the test profile has several), and that advice. */
    private JsonPath tiedAdvice(String intakeId) {
        JsonPath advice = klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(advice.getList("items[0].tiedWith").size() >= 2, "the test profile has at least two options tied with the top");
        return advice;
    }

    private static List<String> tiedWithTop(JsonPath advice) {
        List<String> tied = new ArrayList<>();
        List<String> ranked = advice.getList("items.interventionCode");
        List<String> ties = advice.getList("items[0].tiedWith");
        for (String code : ranked) {
            if (code.equals(ranked.get(0)) || ties.contains(code)) {
                tied.add(code);
            }
        }
        return tied;
    }

    private Response draw(String intakeId, Object body) {
        return klantmanager.given().contentType(ContentType.JSON).body(body).post("/api/v1/intakes/" + intakeId + "/draws");
    }

    @Test
    void offByDefaultADrawIsRefusedWithACode() {
        klantmanager.given().get(setting()).then().statusCode(200)
                .body("enabled", equalTo(false)).body("changeId", nullValue()).body("municipalityCode", equalTo(municipality));
        String intakeId = klantmanager.createIntake(intake());
        tiedAdvice(intakeId);
        draw(intakeId, Map.of()).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("tie_randomisation_off"));
    }

    @Test
    void everyChangeIsKeptWithWhoAndWhenAndWhatWasInForceAtAMomentIsKnown() {
        JsonPath on = teamLead.given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put(setting()).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(teamLead.account(), on.getString("changedBy"));
        Instant whileOn = Instant.now();
        Caller admin = Caller.of(Roles.ADMIN, municipality);
        admin.given().contentType(ContentType.JSON).body(Map.of("enabled", false)).put(setting()).then().statusCode(200)
                .body("enabled", equalTo(false)).body("changedBy", equalTo(admin.account()));

        klantmanager.given().get(setting()).then().statusCode(200).body("enabled", equalTo(false));
        klantmanager.given().queryParam("at", whileOn.toString()).get(setting()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("changeId", equalTo(on.getString("changeId")))
                .body("changedAt", equalTo(on.getString("changedAt")));
        klantmanager.given().queryParam("at", "2020-01-01T00:00:00Z").get(setting()).then().statusCode(200)
                .body("enabled", equalTo(false)).body("changeId", nullValue());
        Caller.of(Roles.AUDITOR, municipality).given().queryParam("afterSeq", 0).queryParam("limit", 500).get("/api/v1/audit-trail")
                .then().statusCode(200).body("items.findAll { it.resourceType == 'tie-randomisation' && it.action == 'CREATE' }.size()",
                        equalTo(2));
    }

    @Test
    void onlyAnAdminOrTeamLeadOfTheMunicipalitySwitchesIt() {
        klantmanager.given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put(setting()).then().statusCode(403);
        Caller.of(Roles.TEAM_LEAD, "GM0599").given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put(setting())
                .then().statusCode(403).contentType("application/problem+json");
        Caller.of(Roles.KLANTMANAGER, "GM0599").given().get(setting()).then().statusCode(403);
        klantmanager.given().get(setting()).then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        teamLead.given().contentType(ContentType.JSON).body(Map.of()).put(setting()).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("enabled")).body("invalidParams[0].code", equalTo("required"));
        teamLead.given().contentType(ContentType.JSON).body("{\"enabled\": \"yes\"}").put(setting()).then().statusCode(400)
                .body("invalidParams[0].code", equalTo("wrong_type"));
        klantmanager.given().queryParam("at", "yesterday").get(setting()).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("at")).body("invalidParams[0].code", equalTo("invalid_format"));
        klantmanager.given().get("/api/v1/municipalities/Rotterdam/tie-randomisation").then().statusCode(404);

        switchOn();
        String intakeId = klantmanager.createIntake(intake());
        draw(intakeId, Map.of()).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("GET its recommendations"));
        JsonPath advice = tiedAdvice(intakeId);
        List<String> tied = tiedWithTop(advice);
        String notTied = advice.<String>getList("items.interventionCode").stream().filter(c -> !tied.contains(c)).findFirst()
                .orElse("NO_SUCH_CODE");
        draw(intakeId, Map.of("excluded", List.of(tied.get(0), tied.get(0), notTied))).then().statusCode(400)
                .body("invalidParams.name", equalTo(List.of("excluded[1]", "excluded[2]")))
                .body("invalidParams.code", equalTo(List.of("duplicate", "invalid_value")));
        draw(intakeId, Map.of("excluded", tied.subList(1, tied.size()))).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("excluded")).body("invalidParams[0].code", equalTo("too_few_candidates"));
        draw(intakeId, Map.of("recommendationId", UUID.randomUUID().toString())).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("recommendationId")).body("invalidParams[0].code", equalTo("unknown_reference"));
        draw(intakeId, Map.of("excludd", List.of())).then().statusCode(400).body("invalidParams[0].code", equalTo("unknown_field"));
        // Nothing refused was recorded: the first valid draw is still possible.
        draw(intakeId, Map.of()).then().statusCode(201);
    }

    @Test
    void aDrawIsAmongTheTiedOptionsNotExcludedEachWithTheSameProbabilityAndIsRecordedOnce() {
        switchOn();
        String intakeId = klantmanager.createIntake(intake());
        JsonPath advice = tiedAdvice(intakeId);
        List<String> tied = tiedWithTop(advice);
        String excluded = tied.get(1);
        Response created = draw(intakeId, Map.of("excluded", List.of(excluded)));
        created.then().statusCode(201).contentType(ContentType.JSON);
        JsonPath drawn = created.jsonPath();
        List<String> expected = tied.stream().filter(c -> !c.equals(excluded)).toList();
        assertEquals(expected, drawn.getList("candidates.interventionCode"), "the tied options but the excluded one, in rank order");
        assertTrue(expected.contains(drawn.getString("drawnCode")));
        drawn.getList("candidates.probability", Float.class)
                .forEach(p -> assertEquals(1.0 / expected.size(), p, 1e-6));
        assertEquals(1.0 / expected.size(), drawn.getDouble("drawnProbability"), 1e-6);
        assertEquals(advice.getString("id"), drawn.getString("recommendationId"));
        assertEquals(List.of(excluded), drawn.getList("excluded"));
        List<String> notEligible = advice.getList("notEligible.interventionCode");
        assertTrue(expected.stream().noneMatch(notEligible::contains));

        klantmanager.given().get(created.getHeader("Location")).then().statusCode(200)
                .body("drawnCode", equalTo(drawn.getString("drawnCode"))).body("id", equalTo(drawn.getString("id")));
        klantmanager.given().get("/api/v1/intakes/" + intakeId + "/draws").then().statusCode(200)
                .body("items.id", equalTo(List.of(drawn.getString("id"))));
        // The same advice is not drawn from again: a draw repeated until it pleased would not have its probabilities.
        draw(intakeId, Map.of()).then().statusCode(409).body("code", equalTo("already_drawn"));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameDraw() {
        switchOn();
        String intakeId = klantmanager.createIntake(intake());
        tiedAdvice(intakeId);
        String key = UUID.randomUUID().toString();
        JsonPath first = klantmanager.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/intakes/" + intakeId + "/draws").then().statusCode(201).extract().jsonPath();
        Response retry = klantmanager.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/intakes/" + intakeId + "/draws");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.getString("drawnCode"), retry.jsonPath().getString("drawnCode"));
    }

    @Test
    void twoFirstDrawsAtOnceRecordOne() {
        switchOn();
        String intakeId = klantmanager.createIntake(intake());
        tiedAdvice(intakeId);
        List<CompletableFuture<Integer>> both = List.of(
                CompletableFuture.supplyAsync(() -> draw(intakeId, Map.of()).statusCode()),
                CompletableFuture.supplyAsync(() -> draw(intakeId, Map.of()).statusCode()));
        List<Integer> statuses = both.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(201, 409), statuses);
        klantmanager.given().get("/api/v1/intakes/" + intakeId + "/draws").then().body("items.size()", equalTo(1));
    }

    @Test
    void withoutATieThereIsNothingToDraw() {
        switchOn();
        Map<String, Object> recentInflow = intake();
        recentInflow.put("monthsOnBenefit", 1); // clearly best helped by nothing: no option is tied with NONE
        String intakeId = klantmanager.createIntake(recentInflow);
        klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200)
                .body("items[0].tiedWith", equalTo(List.of()));
        draw(intakeId, Map.of()).then().statusCode(409).contentType("application/problem+json").body("code", equalTo("no_tie"));
    }

    @Test
    void theDecisionRecordsTheDrawAndDeviatingFromItNeedsAReason() {
        switchOn();
        String intakeId = klantmanager.createIntake(intake());
        tiedAdvice(intakeId);
        JsonPath drawn = draw(intakeId, Map.of()).then().statusCode(201).extract().jsonPath();
        String drawnCode = drawn.getString("drawnCode");
        String other = drawn.<String>getList("candidates.interventionCode").stream().filter(c -> !c.equals(drawnCode)).findFirst()
                .orElseThrow();
        String decisions = "/api/v1/intakes/" + intakeId + "/decisions";

        // Another tied option — even the top — deviates from the draw: allowed, with a reason.
        klantmanager.post(decisions, Map.of("interventionCodes", List.of(other), "klantmanagerId", klantmanager.account(),
                        "drawId", drawn.getString("id"))).statusCode(400)
                .body("invalidParams[0].name", equalTo("reasonCode")).body("invalidParams[0].code", equalTo("required"));
        klantmanager.post(decisions, Map.of("interventionCodes", List.of(other), "klantmanagerId", klantmanager.account(),
                        "drawId", drawn.getString("id"), "reasonCode", "CLIENT_PREFERENCE")).statusCode(201)
                .body("override", equalTo(true)).body("draw.drawnCode", equalTo(drawnCode));

        JsonPath followed = klantmanager.post(decisions, Map.of("interventionCodes", List.of(drawnCode),
                "klantmanagerId", klantmanager.account(), "drawId", drawn.getString("id"))).statusCode(201).extract().jsonPath();
        assertEquals(false, followed.getBoolean("override"));
        assertEquals(drawn.getString("recommendationId"), followed.getString("recommendationId"));
        assertEquals(drawn.getList("candidates"), followed.getList("draw.candidates"));
        klantmanager.given().get(decisions + "/" + followed.getString("id")).then().statusCode(200)
                .body("draw.id", equalTo(drawn.getString("id"))).body("draw.drawnCode", equalTo(drawnCode))
                .body("draw.candidates.interventionCode", equalTo(drawn.getList("candidates.interventionCode")));
    }

    @Test
    void aDecisionNamesOnlyADrawOfItsOwnIntakeAndAdvice() {
        switchOn();
        String intakeId = klantmanager.createIntake(intake());
        tiedAdvice(intakeId);
        JsonPath drawn = draw(intakeId, Map.of()).then().statusCode(201).extract().jsonPath();
        String otherIntake = klantmanager.createIntake(intake());
        tiedAdvice(otherIntake);
        klantmanager.post("/api/v1/intakes/" + otherIntake + "/decisions", Map.of("interventionCodes", List.of("NONE"),
                        "klantmanagerId", "km-1", "reasonCode", "OTHER", "drawId", drawn.getString("id"))).statusCode(400)
                .body("invalidParams[0].name", equalTo("drawId")).body("invalidParams[0].code", equalTo("unknown_reference"));
        String at24 = klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations?horizonMonths=24").then()
                .statusCode(200).extract().path("id");
        klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of("NONE"),
                        "klantmanagerId", "km-1", "reasonCode", "OTHER", "drawId", drawn.getString("id"), "recommendationId", at24))
                .statusCode(400).body("invalidParams[0].name", equalTo("drawId"));
        // Without a recommendationId the decision is on the draw's advice, not on the 24-month advice shown since.
        klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of(drawn.getString("drawnCode")),
                        "klantmanagerId", "km-1", "drawId", drawn.getString("id"))).statusCode(201)
                .body("recommendationId", equalTo(drawn.getString("recommendationId"))).body("override", equalTo(false));
    }

    @Test
    void anotherMunicipalitysIntakeAndDrawDoNotExistForYou() {
        switchOn();
        String intakeId = klantmanager.createIntake(intake());
        tiedAdvice(intakeId);
        String drawId = draw(intakeId, Map.of()).then().statusCode(201).extract().path("id");
        Caller elsewhere = Caller.klantmanagerOf("GM0599");
        elsewhere.post("/api/v1/intakes/" + intakeId + "/draws", Map.of()).statusCode(404).contentType("application/problem+json");
        elsewhere.given().get("/api/v1/intakes/" + intakeId + "/draws/" + drawId).then().statusCode(404);
        elsewhere.given().get("/api/v1/intakes/" + intakeId + "/draws").then().statusCode(404);
        Caller.of(Roles.DATA_SCIENTIST, municipality).post("/api/v1/intakes/" + intakeId + "/draws", Map.of()).statusCode(403);
        assertNotEquals(municipality, "GM0599");
    }

    /** Later training uses the recorded probability: known where the decision followed the draw, unknown otherwise. */
    @Test
    void theTrainingDataCarryTheProbabilityOfADrawThatWasFollowedAndNoneOtherwise() {
        switchOn();
        Map<String, String> probabilityByDecision = new java.util.HashMap<>();
        for (boolean follow : List.of(true, false)) {
            String intakeId = klantmanager.createIntake(intake());
            tiedAdvice(intakeId);
            JsonPath drawn = draw(intakeId, Map.of()).then().statusCode(201).extract().jsonPath();
            String code = follow ? drawn.getString("drawnCode") : drawn.<String>getList("candidates.interventionCode").stream()
                    .filter(c -> !c.equals(drawn.getString("drawnCode"))).findFirst().orElseThrow();
            String decisionId = klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of(code),
                    "klantmanagerId", "km-1", "drawId", drawn.getString("id"), "reasonCode", "CLIENT_PREFERENCE")).statusCode(201)
                    .extract().path("id");
            probabilityByDecision.put(decisionId, follow ? String.valueOf(drawn.getDouble("drawnProbability")) : "");
        }
        String withoutDraw = klantmanager.createIntake(intake());
        tiedAdvice(withoutDraw);
        probabilityByDecision.put(klantmanager.post("/api/v1/intakes/" + withoutDraw + "/decisions", Map.of("interventionCodes",
                List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER")).statusCode(201).extract().path("id"), "");

        Caller dataScientist = Caller.of(Roles.DATA_SCIENTIST, municipality);
        List<String> csv = dataScientist.given().accept("text/csv").queryParam("municipalityCode", municipality)
                .get("/api/v1/training-data").then().statusCode(200).extract().asString().lines().toList();
        List<String> header = List.of(csv.get(0).split(",", -1));
        int decisionColumn = header.indexOf("decisionId");
        int probabilityColumn = header.indexOf("assignmentProbability");
        assertTrue(probabilityColumn >= 0, header.toString());
        Map<String, String> exported = new java.util.HashMap<>();
        // The rows of this test carry no note, so no cell is quoted and a plain split is exact.
        csv.stream().skip(1).map(line -> line.split(",", -1)).forEach(cells -> exported.put(cells[decisionColumn], cells[probabilityColumn]));
        assertEquals(probabilityByDecision, exported);

        Map<String, Object> jsonProbabilities = new java.util.HashMap<>();
        dataScientist.given().accept("application/x-ndjson").queryParam("municipalityCode", municipality).get("/api/v1/training-data")
                .then().statusCode(200).extract().asString().lines().map(JsonPath::from)
                .forEach(row -> jsonProbabilities.put(row.getString("decisionId"), row.get("assignmentProbability")));
        probabilityByDecision.forEach((decision, probability) -> {
            Object json = jsonProbabilities.get(decision);
            if (probability.isEmpty()) {
                assertEquals(null, json, decision);
            } else {
                assertEquals(Double.parseDouble(probability), ((Number) json).doubleValue(), 1e-6, decision);
            }
        });
    }
}
