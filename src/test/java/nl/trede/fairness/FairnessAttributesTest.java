package nl.trede.fairness;

import static nl.trede.Requests.as;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.Caller;
import nl.trede.audit.AuditEntry;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FairnessAttributesTest {

    private static final String FAIRNESS_AUDITOR = "fairness-auditor-rotterdam";

    private static String newClient() {
        return post("/api/v1/intakes", intake()).statusCode(201).extract().path("clientId");
    }

    private static String path(String clientId) {
        return "/api/v1/clients/" + clientId + "/fairness-attributes";
    }

    private static RequestSpecification json(RequestSpecification request, Object body) {
        return request.contentType(ContentType.JSON).body(body);
    }

    @Test
    void onlyTheFairnessAuditorReadsWhatTheCaseSystemRecorded() {
        String clientId = newClient();
        json(as("case-system-rotterdam"), Map.of("gender", "FEMALE", "migrationBackground", "OUTSIDE_EUROPE"))
                .put(path(clientId)).then().statusCode(204);

        for (String account : List.of("case-system-rotterdam", "klantmanager-rotterdam", "data-scientist-rotterdam",
                "auditor-rotterdam", "admin-rotterdam")) {
            as(account).get(path(clientId)).then().statusCode(403);
        }
        as(FAIRNESS_AUDITOR).get(path(clientId)).then().statusCode(200)
                .body("gender", equalTo("FEMALE"), "migrationBackground", equalTo("OUTSIDE_EUROPE"));
        Caller.of("fairness-auditor", "GM0363").given().get(path(clientId)).then().statusCode(404);
    }

    @Test
    void theyAppearNowhereElseAndTheirReadingIsOnTheAuditTrail() {
        String clientId = newClient();
        json(given(), Map.of("gender", "X")).put(path(clientId)).then().statusCode(204);
        as(FAIRNESS_AUDITOR).get(path(clientId)).then().statusCode(200)
                .body("gender", equalTo("X"), "migrationBackground", equalTo(null));

        String history = given().get("/api/v1/clients/" + clientId).then().statusCode(200).extract().asString();
        assertFalse(history.contains("gender") || history.contains("migrationBackground"), history);
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "resourceId = ?1 and resourceType = 'fairness-attributes' order by seq", clientId)
                .stream().map(entry -> entry.action + " by " + entry.actor).toList());
        assertEquals(List.of("CREATE by klantmanager-rotterdam", "READ by " + FAIRNESS_AUDITOR), actions);
    }

    @Test
    void aNewStatementReplacesTheOldAndWithdrawingRemovesThem() {
        String clientId = newClient();
        json(given(), Map.of("gender", "MALE", "migrationBackground", "EUROPE")).put(path(clientId)).then().statusCode(204);
        json(given(), Map.of("migrationBackground", "NONE")).put(path(clientId)).then().statusCode(204);
        as(FAIRNESS_AUDITOR).get(path(clientId)).then().statusCode(200)
                .body("gender", equalTo(null), "migrationBackground", equalTo("NONE"));

        given().delete(path(clientId)).then().statusCode(204);
        as(FAIRNESS_AUDITOR).get(path(clientId)).then().statusCode(404);
        given().delete(path(clientId)).then().statusCode(204);
    }

    @Test
    void erasureRemovesThem() {
        String clientId = newClient();
        json(given(), Map.of("gender", "FEMALE")).put(path(clientId)).then().statusCode(204);
        as("admin-rotterdam").delete("/api/v1/clients/" + clientId + "/personal-data").then().statusCode(204);

        as(FAIRNESS_AUDITOR).get(path(clientId)).then().statusCode(404);
        QuarkusTransaction.requiringNew().run(() -> assertNull(FairnessAttributes.findById(UUID.fromString(clientId))));
    }

    @Test
    void aValueOutsideTheClassificationIsRefusedWithItsCodeAndNothingIsStored() {
        String clientId = newClient();
        json(given(), Map.of("gender", "UNKNOWN", "ethnicity", "anything")).put(path(clientId)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", contains("ethnicity", "gender"),
                        "invalidParams.code", contains("unknown_field", "invalid_value"));
        given().put(path(clientId)).then().statusCode(400);
        as(FAIRNESS_AUDITOR).get(path(clientId)).then().statusCode(404);
        json(given(), Map.of("gender", "FEMALE")).put(path(UUID.randomUUID().toString())).then().statusCode(404);
    }
}
