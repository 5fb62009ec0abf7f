package nl.trede;

import static nl.trede.Requests.anonymous;
import static nl.trede.Requests.given;
import static nl.trede.Requests.createIntake;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.trede.intake.Intake;
import org.junit.jupiter.api.Test;

/** The whole path once, as a municipal case system walks it. */
@QuarkusTest
class CaseSystemJourneyTest {

    @Test
    void intakeIsScoredAndCanBeReadBack() {
        Map<String, Object> body = intake();
        body.remove("motivation");
        String location = post("/api/v1/intakes", body)
                .statusCode(201)
                .body("id", notNullValue(), "clientId", notNullValue(), "municipalityCode", equalTo("GM0599"),
                        "score.probability", greaterThan(0f),
                        "score.category", org.hamcrest.Matchers.isOneOf(1, 2, 3, 4),
                        "score.categoryLabel", notNullValue(),
                        "score.modelVersion", notNullValue(),
                        "score.factors.size()", greaterThan(0),
                        "score.factors[0].explanation", notNullValue(),
                        "score.missingFields", contains("motivation"))
                .extract().header("Location");
        String id = given().get(location).then().statusCode(200).extract().path("id");
        assertTrue(location.endsWith("/api/v1/intakes/" + id));
        given().get(location).then().body("profile.age", equalTo(34), "profile.motivation", equalTo(null));
    }

    @Test
    void theClientReferenceIsNeverStoredOrReturned() {
        Map<String, Object> body = intake();
        String reference = (String) body.get("clientReference");
        String response = post("/api/v1/intakes", body).statusCode(201).extract().asString();
        assertFalse(response.contains(reference));
        String clientId = JsonPath.from(response).getString("clientId");
        assertFalse(given().get("/api/v1/clients/" + clientId).asString().contains(reference));
        assertTrue(Intake.<Intake>list("clientId", java.util.UUID.fromString(clientId)).size() == 1);
    }

    @Test
    void aReassessmentOfTheSameReferenceJoinsTheSameClient() {
        Map<String, Object> body = intake();
        String first = post("/api/v1/intakes", body).statusCode(201).extract().path("clientId");
        body.put("monthsOnBenefit", 26);
        String second = post("/api/v1/intakes", body).statusCode(201).extract().path("clientId");
        assertEquals(first, second);
        Map<String, Object> elsewhere = intake();
        elsewhere.put("clientReference", body.get("clientReference"));
        elsewhere.put("municipalityCode", "GM1963");
        String other = Requests.as("klantmanager-hoeksche-waard").contentType(ContentType.JSON).body(elsewhere)
                .post("/api/v1/intakes").then().statusCode(201).extract().path("clientId");
        assertFalse(first.equals(other), "the same reference in another municipality is another client");
    }

    @Test
    void recommendationsRankEveryEligibleInterventionAndListTheRestApart() {
        Map<String, Object> body = intake();
        body.put("problematicDebts", false);
        String intakeId = createIntake(body);
        JsonPath advice = given().get("/api/v1/intakes/" + intakeId + "/recommendations").then()
                .statusCode(200)
                .body("horizonMonths", equalTo(12), "items.interventionCode", hasItem("NONE"),
                        "notEligible.interventionCode", hasItem("DEBT_COUNSELLING"),
                        "notEligible.reason", everyItem(containsString("Past niet bij deze klant")),
                        "notEligible.reasonEnglish", everyItem(containsString("Not eligible")),
                        "items.effectSource", everyItem(notNullValue()),
                        "items.interventionCode", not(hasItem("DEBT_COUNSELLING")))
                .extract().jsonPath();
        List<Float> effects = advice.getList("items.findAll { it.comparableHistory }.expectedEffect.pointEstimate", Float.class);
        for (int i = 1; i < effects.size(); i++) {
            assertTrue(effects.get(i - 1) >= effects.get(i), "ranked by expected effect: " + effects);
        }
        Map<String, Object> first = advice.getMap("items[0]");
        assertTrue(first.keySet().containsAll(List.of("interventionCode", "name", "expectedEffect", "costEuros",
                "durationMonths", "evidenceLevel", "rationale", "tiedWith", "priorShare")));
        assertEquals(12, advice.getInt("items[0].expectedEffect.horizonMonths"));
        int catalogue = given().get("/api/v1/interventions").then().extract().path("items.size()");
        assertEquals(catalogue, advice.getList("items").size() + advice.getList("notEligible").size());
    }

    @Test
    void theHorizonChangesTheEffectsAndIsValidated() {
        String intakeId = createIntake(intake());
        float training12 = given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().extract()
                .path("items.find { it.interventionCode == 'VOCATIONAL_TRAINING' }.expectedEffect.pointEstimate");
        float training24 = given().queryParam("horizonMonths", 24).get("/api/v1/intakes/" + intakeId + "/recommendations")
                .then().statusCode(200).body("horizonMonths", equalTo(24)).extract()
                .path("items.find { it.interventionCode == 'VOCATIONAL_TRAINING' }.expectedEffect.pointEstimate");
        assertTrue(training24 > training12, "training pays off later (lock-in): " + training12 + " vs " + training24);
        given().queryParam("horizonMonths", 18).get("/api/v1/intakes/" + intakeId + "/recommendations").then()
                .statusCode(400).body("invalidParams[0].name", equalTo("horizonMonths"));
    }

    @Test
    void followingTheAdviceIsNoOverrideAndDeviatingNeedsAReason() {
        String intakeId = createIntake(intake());
        JsonPath advice = given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().extract().jsonPath();
        String top = advice.getString("items[0].interventionCode");
        List<String> tiedWithTop = advice.getList("items[0].tiedWith");
        String other = advice.getList("items.interventionCode", String.class).stream()
                .filter(code -> !code.equals(top) && !code.equals("NONE") && !tiedWithTop.contains(code)).findFirst()
                .orElse(advice.getString("items[1].interventionCode"));
        String decisions = "/api/v1/intakes/" + intakeId + "/decisions";

        post(decisions, Map.of("interventionCodes", List.of(top), "klantmanagerId", "km-1"))
                .statusCode(201).header("Location", containsString(decisions + "/"))
                .body("override", equalTo(false), "recommendedCode", equalTo(top), "modelVersion", notNullValue());

        post(decisions, Map.of("interventionCodes", List.of(top, other), "klantmanagerId", "km-1"))
                .statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", contains("reasonCode"));

        post(decisions, Map.of("interventionCodes", List.of(top, other), "klantmanagerId", "km-1",
                "reasonCode", "CLIENT_PREFERENCE", "note", "Cliënt wil eerst de taalcursus afronden"))
                .statusCode(201).body("override", equalTo(true), "reasonCode", equalTo("CLIENT_PREFERENCE"));

        int category = given().get("/api/v1/intakes/" + intakeId).then().extract().path("score.category");
        int adjusted = category == 4 ? 3 : category + 1;
        post(decisions, Map.of("interventionCodes", List.of(top), "klantmanagerId", "km-1", "adjustedCategory", adjusted))
                .statusCode(400).body("invalidParams.name", contains("reasonCode"));
        post(decisions, Map.of("interventionCodes", List.of(top), "klantmanagerId", "km-1", "adjustedCategory", adjusted,
                "reasonCode", "PROFESSIONAL_JUDGEMENT"))
                .statusCode(201).body("override", equalTo(true), "adjustedCategory", equalTo(adjusted),
                        "scoreCategory", equalTo(category));
    }

    @Test
    void outcomesCloseTheLoopAndTheHistoryIsInTimeOrder() {
        Map<String, Object> body = intake();
        String response = post("/api/v1/intakes", body).statusCode(201).extract().asString();
        String intakeId = JsonPath.from(response).getString("id");
        String clientId = JsonPath.from(response).getString("clientId");
        given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        String decisionId = post("/api/v1/intakes/" + intakeId + "/decisions",
                Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-7", "reasonCode", "CAPACITY"))
                .statusCode(201).extract().path("id");
        post("/api/v1/clients/" + clientId + "/outcomes",
                Map.of("observedOn", LocalDate.now().toString(), "status", "PARTIAL_WORK", "hoursPerWeek", 16, "participationRung", 5))
                .statusCode(201)
                .body("decisionId", equalTo(decisionId), "status", equalTo("PARTIAL_WORK"), "modelVersion", notNullValue(),
                        "municipalityCode", equalTo("GM0599"));

        given().get("/api/v1/clients/" + clientId).then()
                .statusCode(200)
                .body("clientId", equalTo(clientId),
                        "timeline.type", contains("INTAKE", "RECOMMENDATION", "DECISION", "OUTCOME"),
                        "timeline[0].intake.id", equalTo(intakeId),
                        "timeline[2].decision.id", equalTo(decisionId),
                        "timeline[3].outcome.hoursPerWeek", equalTo(16f));

        post("/api/v1/clients/search", Map.of("clientReference", body.get("clientReference"), "municipalityCode", "GM0599"))
                .statusCode(200).body("clientId", equalTo(clientId));
        post("/api/v1/clients/search", Map.of("clientReference", "someone else", "municipalityCode", "GM0599"))
                .statusCode(404);
    }

    @Test
    void scoringAWhatIfStoresNothing() {
        long before = Intake.count();
        Map<String, Object> profile = intake();
        profile.remove("clientReference");
        profile.remove("municipalityCode");
        post("/api/v1/scores", profile).statusCode(200)
                .body("probability", greaterThan(0f), "category", notNullValue(), "missingFields.size()", equalTo(0));
        post("/api/v1/scores", Map.of()).statusCode(200).body("missingFields.size()", equalTo(15));
        assertEquals(before, Intake.count());
    }

    @Test
    void theCatalogueShowsPriorsWithTheirSources() {
        given().get("/api/v1/interventions").then().statusCode(200)
                .body("items.code", hasItem("NONE"),
                        "items.find { it.code == 'VOCATIONAL_TRAINING' }.prior.effect12Months", equalTo(-1.5f),
                        "items.find { it.code == 'VOCATIONAL_TRAINING' }.prior.source", containsString("Card"),
                        "items.find { it.code == 'DEBT_COUNSELLING' }.eligibility", equalTo("PROBLEMATIC_DEBTS"),
                        "items.find { it.code == 'WAGE_SUBSIDY' }.costEuros", equalTo(8000f));
    }

    @Test
    void readinessReportsTheLoadedModels() {
        anonymous().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'models' }.data.distanceModel", notNullValue(),
                        "checks.find { it.name == 'models' }.data.effectModel", notNullValue(),
                        "checks.find { it.name == 'models' }.status", endsWith("UP"));
    }
}
