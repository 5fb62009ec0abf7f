package nl.trede.audit;

import static nl.trede.Requests.as;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager entityManager;

    @Test
    void everyReadWriteAndOverrideIsRecordedWithWhoWhatAndModel() {
        long before = AuditTrailEnd.lastSeq();
        Map<String, Object> body = intake();
        String intakeId = post("/api/v1/intakes", body).statusCode(201).extract().path("id");
        given().get("/api/v1/intakes/" + intakeId).then().statusCode(200);
        JsonPath advice = given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().extract().jsonPath();
        String notTop = advice.getString("items[-1].interventionCode");
        post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of(notTop),
                "klantmanagerId", "km-3", "reasonCode", "CLIENT_PREFERENCE")).statusCode(201);

        String page = as("auditor-rotterdam").queryParam("afterSeq", before).get("/api/v1/audit-trail")
                .then().statusCode(200).extract().asString();
        JsonPath entries = JsonPath.from(page);
        assertEquals(List.of("CREATE", "READ", "CREATE", "OVERRIDE"), entries.getList("items.action").subList(0, 4));
        assertEquals(List.of("intake", "intake", "recommendation", "decision"), entries.getList("items.resourceType").subList(0, 4));
        assertEquals("klantmanager-rotterdam", entries.getString("items[0].actor"));
        assertEquals("klantmanager", entries.getString("items[0].roles"));
        assertEquals("GM0599", entries.getString("items[0].municipalityCode"));
        assertEquals(intakeId, entries.getString("items[0].resourceId"));
        assertTrue(entries.getString("items[0].modelVersion") != null);
        assertTrue(entries.getInt("items[0].chain") >= 1 && entries.getLong("items[0].chainSeq") >= 1, "its place in its chain");
        assertFalse(page.contains((String) body.get("clientReference")), "no personal data in the audit trail");
    }

    @Test
    void aSearchIsRecordedEvenWhenItFindsNobody() {
        long before = AuditTrailEnd.lastSeq();
        post("/api/v1/clients/search", Map.of("clientReference", "nobody-" + before, "municipalityCode", "GM0599")).statusCode(404);
        as("auditor-rotterdam").queryParam("afterSeq", before).get("/api/v1/audit-trail").then()
                .body("items[0].action", equalTo("SEARCH"), "items[0].resourceId", nullValue());
    }

    @Test
    void alteringAnEntryInTheDatabaseBreaksTheChainExactlyThere() {
        post("/api/v1/intakes", intake()).statusCode(201);
        as("auditor-rotterdam").get("/api/v1/audit-trail/verification").then()
                .statusCode(200).body("intact", equalTo(true), "firstBrokenSeq", nullValue());

        long victim = AuditTrailEnd.lastSeq() - 1;
        String original = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT actor FROM audit_entry WHERE seq = ?1").setParameter(1, victim).getSingleResult());
        setActor(victim, "someone-else");
        try {
            as("auditor-rotterdam").get("/api/v1/audit-trail/verification").then()
                    .statusCode(200)
                    .body("intact", equalTo(false), "firstBrokenSeq", equalTo((int) victim),
                            "reason", equalTo("content does not match its hash"));
        } finally {
            setActor(victim, original);
        }
        as("auditor-rotterdam").get("/api/v1/audit-trail/verification").then().body("intact", equalTo(true));
    }

    @Test
    void badPagingIsAnInvalidInputNamingTheParameter() {
        as("auditor-rotterdam").queryParam("limit", 0).get("/api/v1/audit-trail").then()
                .statusCode(400).body("invalidParams[0].name", equalTo("limit"));
        as("auditor-rotterdam").queryParam("afterSeq", "abc").get("/api/v1/audit-trail").then()
                .statusCode(400).body("invalidParams[0].name", equalTo("afterSeq"));
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        given().get("/api/v1/audit-trail").then().statusCode(403);
        as("data-scientist-rotterdam").get("/api/v1/audit-trail/verification").then().statusCode(403);
    }

    private void setActor(long seq, String actor) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE audit_entry SET actor = ?1 WHERE seq = ?2")
                .setParameter(1, actor).setParameter(2, seq).executeUpdate());
    }
}
