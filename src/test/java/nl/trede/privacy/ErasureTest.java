package nl.trede.privacy;

import static nl.trede.Requests.as;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.audit.AuditTrailEnd;
import nl.trede.decision.Decision;
import nl.trede.intake.Intake;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErasureTest {

    @Inject
    EntityManager entityManager;
    @Inject
    RetentionJob retention;

    /** A client with an intake, advice and a decision with a note; returns the intake response. */
    private JsonPath clientWithHistory(Map<String, Object> body) {
        JsonPath created = post("/api/v1/intakes", body).statusCode(201).extract().jsonPath();
        given().get("/api/v1/intakes/" + created.getString("id") + "/recommendations").then().statusCode(200);
        post("/api/v1/intakes/" + created.getString("id") + "/decisions", Map.of("interventionCodes", List.of("NONE"),
                "klantmanagerId", "km-9", "reasonCode", "OTHER", "note", "Cliënt is mantelzorger voor moeder")).statusCode(201);
        return created;
    }

    @Test
    void erasureRemovesPersonalDataAndTheClientIsNoLongerFound() {
        // The trail from here on: earlier tests may have filled more than a page.
        long before = AuditTrailEnd.lastSeq();
        Map<String, Object> body = intake();
        JsonPath created = clientWithHistory(body);
        String clientId = created.getString("clientId");
        UUID intakeId = UUID.fromString(created.getString("id"));

        given().delete("/api/v1/clients/" + clientId + "/personal-data").then().statusCode(403);
        as("admin-rotterdam").delete("/api/v1/clients/" + clientId + "/personal-data").then().statusCode(204);

        given().get("/api/v1/clients/" + clientId).then().statusCode(404);
        given().get("/api/v1/intakes/" + intakeId).then().statusCode(404);
        post("/api/v1/clients/search", Map.of("clientReference", body.get("clientReference"), "municipalityCode", "GM0599"))
                .statusCode(404);
        QuarkusTransaction.requiringNew().run(() -> {
            Intake intake = Intake.findById(intakeId);
            assertTrue(intake.erased);
            assertNull(intake.age);
            assertNull(intake.educationLevel);
            assertEquals("[]", intake.factors);
            assertTrue(Decision.<Decision>list("intakeId", intakeId).stream().allMatch(d -> d.note == null));
        });
        String trail = as("auditor-rotterdam").queryParam("afterSeq", before).queryParam("limit", 500).get("/api/v1/audit-trail").asString();
        assertTrue(trail.contains("\"ERASE\""));
        assertFalse(trail.contains("mantelzorger"));
    }

    @Test
    void retentionErasesClientsInactiveForLongerThanThePeriod() {
        JsonPath stale = clientWithHistory(intake());
        JsonPath fresh = clientWithHistory(intake());
        String staleClient = stale.getString("clientId");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("client", "intake", "decision", "recommendation")) {
                String idColumn = table.equals("client") ? "id" : "client_id";
                entityManager.createNativeQuery("UPDATE " + table + " SET created_at = created_at - INTERVAL '3000' DAY WHERE "
                        + idColumn + " = ?1").setParameter(1, UUID.fromString(staleClient)).executeUpdate();
            }
        });
        assertTrue(QuarkusTransaction.requiringNew().call(() -> retention.eraseExpired()) >= 1);
        given().get("/api/v1/clients/" + staleClient).then().statusCode(404);
        given().get("/api/v1/clients/" + fresh.getString("clientId")).then().statusCode(200);
    }
}
