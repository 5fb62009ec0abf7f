package nl.trede.audit;

import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.trede.Caller;
import nl.trede.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The audit trail sees refused attempts, its own readers, and decisions recorded under another
 * klantmanager's id. Each test works in municipalities of its own, so that its auditor's page
 * holds exactly the entries the test caused.
 */
@QuarkusTest
class RefusalAuditTest {

    @Inject
    EntityManager entityManager;

    /** The entries of a municipality, without the test's own reads of the trail. */
    private static List<Map<String, Object>> trailOf(String municipality) {
        return fullTrailOf(municipality).stream().filter(e -> !"audit-trail".equals(e.get("resourceType"))).toList();
    }

    private static List<Map<String, Object>> fullTrailOf(String municipality) {
        return Caller.of(Roles.AUDITOR, municipality).given().get("/api/v1/audit-trail")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> onlyEntry(String municipality) {
        List<Map<String, Object>> entries = trailOf(municipality);
        assertEquals(1, entries.size(), () -> "exactly one entry in " + municipality + ": " + entries);
        return entries.get(0);
    }

    private static String intakeIn(Caller klantmanager) {
        return klantmanager.createIntake(intake());
    }

    @Test
    void anotherMunicipalitysIdIsRecordedOnTheOwnersTrailAndStillAnsweredAsUnknown() {
        Caller owner = Caller.klantmanagerOf("GM9501");
        Caller stranger = Caller.klantmanagerOf("GM9502");
        String intakeId = intakeIn(owner);
        int before = trailOf("GM9501").size();

        stranger.given().get("/api/v1/intakes/" + intakeId).then().statusCode(404)
                .body("detail", equalTo("Intake " + intakeId + " not found"));

        List<Map<String, Object>> entries = trailOf("GM9501");
        Map<String, Object> refusal = entries.get(entries.size() - 1);
        assertEquals(before + 1, entries.size());
        assertEquals("REFUSED", refusal.get("action"));
        assertEquals(stranger.account(), refusal.get("actor"));
        assertEquals(Roles.KLANTMANAGER, refusal.get("roles"));
        assertEquals("getIntake", refusal.get("resourceType"));
        assertEquals(intakeId, refusal.get("resourceId"));
        assertEquals("OTHER_MUNICIPALITYS_RECORD", refusal.get("detail"));
        // The stranger's own municipality learns nothing about the other's records.
        assertTrue(trailOf("GM9502").isEmpty());
        // An id that does not exist at all is no attempt on anyone's data.
        stranger.given().get("/api/v1/intakes/" + UUID.randomUUID()).then().statusCode(404);
        assertTrue(trailOf("GM9502").isEmpty());
    }

    @Test
    void namingAMunicipalityYouDoNotActForIsRecordedOnItsTrailAndTheActLeavesNothing() {
        Caller klantmanager = Caller.klantmanagerOf("GM9511");
        Map<String, Object> body = intake();
        body.put("municipalityCode", "GM9512");
        klantmanager.given().contentType(ContentType.JSON).body(body).post("/api/v1/intakes").then().statusCode(403);

        Map<String, Object> refusal = onlyEntry("GM9512");
        assertEquals("REFUSED", refusal.get("action"));
        assertEquals(klantmanager.account(), refusal.get("actor"));
        assertEquals("createIntake", refusal.get("resourceType"));
        assertEquals("NOT_ACTING_FOR_MUNICIPALITY", refusal.get("detail"));
        assertNull(refusal.get("resourceId"));
    }

    @Test
    void aRoleRefusedIsRecordedOnTheCallersMunicipalities() {
        Caller owner = Caller.klantmanagerOf("GM9521");
        String clientId = owner.given().get("/api/v1/intakes/" + intakeIn(owner)).then().extract().path("clientId");
        int before = trailOf("GM9521").size();

        Caller.of(Roles.DATA_SCIENTIST, "GM9521").given().get("/api/v1/clients/" + clientId).then().statusCode(403);

        List<Map<String, Object>> entries = trailOf("GM9521");
        assertEquals(before + 1, entries.size());
        Map<String, Object> refusal = entries.get(entries.size() - 1);
        assertEquals("REFUSED", refusal.get("action"));
        assertEquals("test-data-scientist-gm9521", refusal.get("actor"));
        assertEquals(Roles.DATA_SCIENTIST, refusal.get("roles"));
        assertEquals("getClientHistory", refusal.get("resourceType"));
        assertEquals("ROLE_NOT_ALLOWED", refusal.get("detail"));
    }

    @Test
    void anExpiredButGenuineTokenIsRecordedWithItsSubjectAndAForgedOneIsNot() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = Jwt.subject("km-expired-9531").groups(Set.of(Roles.KLANTMANAGER, "/team/a"))
                .claim("municipalities", List.of("GM9531")).issuedAt(past.minusSeconds(600)).expiresAt(past).sign();
        bearer(expired).get("/api/v1/interventions").then().statusCode(401).contentType("application/problem+json");

        Map<String, Object> refusal = onlyEntry("GM9531");
        assertEquals("REFUSED", refusal.get("action"));
        assertEquals("km-expired-9531", refusal.get("actor"));
        assertEquals(Roles.KLANTMANAGER, refusal.get("roles"));
        assertEquals("listInterventions", refusal.get("resourceType"));
        assertEquals("TOKEN_EXPIRED", refusal.get("detail"));

        // Anyone can write these; recording them would let an outsider fill the trail.
        String wrongKey = Jwt.subject("km-forged-9532").claim("municipalities", List.of("GM9532"))
                .issuedAt(past.minusSeconds(600)).expiresAt(past).signWithSecret("a-secret-that-is-not-the-providers-key-0123456789");
        bearer(wrongKey).get("/api/v1/interventions").then().statusCode(401);
        String alteredPayload = expired.substring(0, expired.indexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"sub\":\"km-forged-9532\",\"municipalities\":[\"GM9532\"],\"exp\":1}".getBytes())
                + expired.substring(expired.lastIndexOf('.'));
        bearer(alteredPayload).get("/api/v1/interventions").then().statusCode(401);
        RestAssured.given().get("/api/v1/interventions").then().statusCode(401);
        assertTrue(trailOf("GM9532").isEmpty());
    }

    @Test
    void readingTheTrailIsRecordedForEachMunicipalityTheAuditorActsFor() {
        String regional = Jwt.subject("auditor-region-9541").groups(Set.of(Roles.AUDITOR))
                .claim("municipalities", List.of("GM9541", "GM9542")).expiresIn(3600).sign();
        bearer(regional).get("/api/v1/audit-trail").then().statusCode(200);
        bearer(regional).get("/api/v1/audit-trail/verification").then().statusCode(200).body("intact", equalTo(true));

        for (String municipality : List.of("GM9541", "GM9542")) {
            List<Map<String, Object>> entries = fullTrailOf(municipality);
            assertEquals(List.of("READ", "VERIFY"), entries.stream().map(e -> e.get("action")).toList());
            entries.forEach(e -> {
                assertEquals("auditor-region-9541", e.get("actor"));
                assertEquals("audit-trail", e.get("resourceType"));
            });
        }
    }

    @Test
    void aKlantmanagerRecordingUnderAnotherIdIsFlaggedOnTheDecisionAndInTheTrail() {
        Caller klantmanager = Caller.klantmanagerOf("GM9551");
        Caller caseSystem = Caller.of(Roles.CASE_SYSTEM, "GM9551");
        Decided own = decide(klantmanager, klantmanager.account());
        Decided other = decide(klantmanager, "km-someone-else");
        Decided forAColleague = decide(caseSystem, "km-0412");

        assertEquals(List.of(klantmanager.account(), false), decisionRow(own));
        assertEquals(List.of(klantmanager.account(), true), decisionRow(other));
        assertEquals(List.of(caseSystem.account(), false), decisionRow(forAColleague));

        Map<String, Object> detailOfDecision = new HashMap<>();
        trailOf("GM9551").stream().filter(e -> "decision".equals(e.get("resourceType")))
                .forEach(e -> detailOfDecision.put((String) e.get("resourceId"), e.get("detail")));
        assertEquals("KLANTMANAGER_ID_IS_NOT_CALLER", detailOfDecision.get(other.decisionId()));
        assertNull(detailOfDecision.get(own.decisionId()));
        assertNull(detailOfDecision.get(forAColleague.decisionId()));
        assertEquals(3, detailOfDecision.size());
        // The body's klantmanagerId is kept as sent.
        klantmanager.given().get("/api/v1/intakes/" + other.intakeId() + "/decisions/" + other.decisionId()).then()
                .statusCode(200).body("klantmanagerId", equalTo("km-someone-else"));
    }

    @Test
    void theChainHoldsAfterRefusals() {
        Caller.klantmanagerOf("GM9561").given().get("/api/v1/audit-trail").then().statusCode(403);
        Caller.of(Roles.AUDITOR, "GM9561").given().get("/api/v1/audit-trail/verification").then()
                .statusCode(200).body("intact", equalTo(true));
        assertFalse(trailOf("GM9561").isEmpty());
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    private record Decided(String intakeId, String decisionId) {
    }

    private static Decided decide(Caller caller, String klantmanagerId) {
        String intakeId = caller.createIntake(intake());
        caller.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        String decisionId = caller.post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of("NONE"),
                "klantmanagerId", klantmanagerId, "reasonCode", "OTHER")).statusCode(201).extract().path("id");
        return new Decided(intakeId, decisionId);
    }

    private List<Object> decisionRow(Decided decided) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("SELECT recorded_by, klantmanager_id_is_not_caller FROM decision WHERE id = ?1")
                .setParameter(1, UUID.fromString(decided.decisionId())).getSingleResult());
        return List.of(row[0], row[1]);
    }
}
