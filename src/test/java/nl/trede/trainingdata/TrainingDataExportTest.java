package nl.trede.trainingdata;

import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.trede.Caller;
import org.junit.jupiter.api.Test;

/** The export through the API, in a municipality of its own, so the rows are exactly this test's decisions. */
@QuarkusTest
class TrainingDataExportTest {

    private static final String MUNICIPALITY = "GM0014";
    private static final String NOTE = "Zegt: \"eerst schulden\", dan werk,\nvolgende maand opnieuw";

    private final Caller klantmanager = Caller.klantmanagerOf(MUNICIPALITY);
    private final Caller dataScientist = Caller.of("data-scientist", MUNICIPALITY);

    private record Decided(String clientId, String decisionId) {
    }

    private Decided decide(Map<String, Object> profile, Map<String, Object> decision) {
        String intakeId = klantmanager.createIntake(profile);
        klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        JsonPath created = klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", decision)
                .statusCode(201).extract().jsonPath();
        return new Decided(created.getString("clientId"), created.getString("id"));
    }

    private List<JsonPath> jsonLines() {
        String body = dataScientist.given().accept("application/x-ndjson").queryParam("municipalityCode", MUNICIPALITY)
                .get("/api/v1/training-data").then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        return body.lines().map(JsonPath::from).toList();
    }

    @Test
    void everyDecisionIsARowWithItsProfileAdviceChoiceAndCensoredLabels() {
        Map<String, Object> older = intake();
        older.put("age", 58);
        Decided followed = decide(older, Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER"));
        Map<String, Object> outcome = new HashMap<>(Map.of("observedOn", LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString(), "status", "PAID_WORK"));
        klantmanager.post("/api/v1/clients/" + followed.clientId() + "/outcomes", outcome).statusCode(201);
        Decided combined = decide(intake(), Map.of("interventionCodes", List.of("WORK_EXPERIENCE_PLACEMENT", "JOB_SEARCH_ASSISTANCE"),
                "klantmanagerId", "km-1", "reasonCode", "CLIENT_PREFERENCE", "note", NOTE));
        Decided third = decide(intake(), Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER"));

        List<JsonPath> rows = jsonLines();
        Map<String, JsonPath> byDecision = new HashMap<>();
        rows.forEach(row -> byDecision.put(row.getString("decisionId"), row));
        assertTrue(byDecision.keySet().containsAll(List.of(followed.decisionId(), combined.decisionId(), third.decisionId())),
                "rows across pages of two: " + byDecision.keySet());

        JsonPath first = byDecision.get(followed.decisionId());
        assertEquals(58, first.getInt("profile.age"));
        assertEquals("NONE", first.getString("intervention"));
        assertEquals(Map.of("worked", true, "status", "OBSERVED"), first.getMap("worked12"));
        assertEquals(followed.clientId(), first.getString("clientId"));
        assertFalse(first.getList("advice.ranked.code").isEmpty());
        assertTrue(first.getString("advice.versions.distanceModel").startsWith("distance-"));

        JsonPath second = byDecision.get(combined.decisionId());
        assertEquals("JOB_SEARCH_ASSISTANCE+WORK_EXPERIENCE_PLACEMENT", second.getString("intervention"));
        assertEquals(NOTE, second.getString("note"));
        assertEquals("CLIENT_PREFERENCE", second.getString("reasonCode"));
        assertEquals(Map.of("status", "HORIZON_NOT_REACHED"), withoutNulls(second.getMap("worked24")));
        assertTrue(rows.stream().noneMatch(row -> row.prettify().contains("clientReference")), "no client reference in the export");
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> result = new HashMap<>(map);
        result.values().removeIf(v -> v == null);
        return result;
    }

    @Test
    void csvIsTheDefaultWithTheHistoryColumnsAndQuotedNotes() {
        Decided combined = decide(intake(), Map.of("interventionCodes", List.of("JOB_SEARCH_ASSISTANCE"),
                "klantmanagerId", "km-1", "reasonCode", "CLIENT_PREFERENCE", "note", NOTE));
        String csv = dataScientist.given().queryParam("municipalityCode", MUNICIPALITY).get("/api/v1/training-data")
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition", equalTo(
                        "attachment; filename=\"training-data-" + MUNICIPALITY + ".csv\"")).extract().asString();
        String header = csv.substring(0, csv.indexOf("\r\n"));
        assertTrue(header.startsWith("decisionId,clientId,intakeId,municipalityCode,decidedOn,age,educationLevel,"), header);
        assertTrue(header.contains(",intervention,worked12,label12,worked24,label24,"), header);
        assertTrue(csv.contains(combined.decisionId() + "," + combined.clientId() + ","));
        assertTrue(csv.contains(",\"Zegt: \"\"eerst schulden\"\", dan werk,\nvolgende maand opnieuw\","), csv);
    }

    @Test
    void onlyDataScientistsOfThatMunicipalityMayExportAndEachExportIsAudited() {
        klantmanager.given().queryParam("municipalityCode", MUNICIPALITY).get("/api/v1/training-data").then().statusCode(403);
        Caller.of("data-scientist", "GM0599").given().queryParam("municipalityCode", MUNICIPALITY)
                .get("/api/v1/training-data").then().statusCode(403);
        dataScientist.given().get("/api/v1/training-data").then().statusCode(400)
                .body("invalidParams.code", hasItem("required"));

        dataScientist.given().queryParam("municipalityCode", MUNICIPALITY).get("/api/v1/training-data").then().statusCode(200);
        Caller.of("auditor", MUNICIPALITY).given().queryParam("limit", 500).get("/api/v1/audit-trail").then().statusCode(200)
                .body("items.findAll { it.resourceType == 'training-data' }.actor", hasItem(dataScientist.account()));
    }

    @Test
    void decisionsOnAnErasedClientAreLeftOut() {
        Decided erased = decide(intake(), Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER"));
        Caller.of("admin", MUNICIPALITY).given().delete("/api/v1/clients/" + erased.clientId() + "/personal-data")
                .then().statusCode(204);
        assertTrue(jsonLines().stream().noneMatch(row -> erased.decisionId().equals(row.getString("decisionId"))));
    }
}
