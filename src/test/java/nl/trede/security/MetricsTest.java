package nl.trede.security;

import static nl.trede.Requests.as;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /q/metrics is the operator's, and its labels hold route templates, never ids. */
@QuarkusTest
class MetricsTest {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void afterRequestsWithRealIdsTheMetricsHoldNoneOfThem() {
        String intakeId = post("/api/v1/intakes", intake()).statusCode(201).extract().path("id");
        String clientId = given().get("/api/v1/intakes/" + intakeId).then().statusCode(200).extract().path("clientId");
        given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        post("/api/v1/intakes/" + intakeId + "/decisions",
                Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER")).statusCode(201);
        given().get("/api/v1/clients/" + clientId).then().statusCode(200);
        // The refusals and mistakes an outside tester makes, each with a real id in the path:
        as("klantmanager-hoeksche-waard").get("/api/v1/clients/" + clientId).then().statusCode(404);
        as("data-scientist-rotterdam").get("/api/v1/clients/" + clientId).then().statusCode(403);
        RestAssured.given().get("/api/v1/intakes/" + intakeId).then().statusCode(401);
        given().put("/api/v1/intakes/" + intakeId).then().statusCode(405);
        given().post("/api/v1/intakes/" + intakeId).then().statusCode(405);
        given().contentType("text/plain").body("x").post("/api/v1/intakes/" + intakeId + "/decisions").then().statusCode(415);
        given().get("/api/v1/clients/" + clientId + "/").then().statusCode(404);
        given().get("/api/v1/no-such-thing/" + clientId).then().statusCode(404);
        // A case system that puts a BSN where an id belongs.
        given().put("/api/v1/clients/123456782").then().statusCode(405);

        String metrics = as("operator").get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(UUID_SHAPE.matcher(metrics).find(), "no id in any metric");
        assertFalse(metrics.contains("123456782"), "no value from a path in any metric");
        assertTrue(metrics.contains("uri=\"/intakes/{intakeId}\""), "requests are labelled with their route template");
        assertTrue(metrics.contains("uri=\"/clients/{clientId}\""), "also refused ones");
    }

    @Test
    void onlyTheOperatorReadsTheMetrics() {
        as("operator").get("/q/metrics").then().statusCode(200);
        for (String account : List.of("klantmanager-rotterdam", "case-system-rotterdam", "data-scientist-rotterdam",
                "auditor-rotterdam", "admin-rotterdam")) {
            as(account).get("/q/metrics").then().statusCode(403);
        }
        RestAssured.given().get("/q/metrics").then().statusCode(401);
    }

    @Test
    void theOperatorSeesNoClientData() {
        as("operator").get("/api/v1/clients/" + UUID.randomUUID()).then().statusCode(403);
        as("operator").get("/api/v1/audit-trail").then().statusCode(403);
    }
}
