package nl.trede.modelcards;

import static nl.trede.Requests.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Reads the fixture cards in src/test/resources/model-cards (see %test.trede.model-cards.directory). */
@QuarkusTest
class ModelCardResourceTest {

    @Test
    void listsEveryReadableCardWithTheActiveVersionAndEvaluationReports() {
        given().get("/api/v1/models").then()
                .statusCode(200)
                .header("API-Version", "1.0.0")
                .body("activeVersions.distance", equalTo("distance-test-1"),
                        "cards.modelVersion", containsInAnyOrder("distance-test-0", "distance-test-1", "effects-test-1"),
                        "cards.find { it.active }.modelVersion", equalTo("distance-test-1"),
                        "cards.find { it.active }.registryHashMatches", equalTo(true),
                        "cards.find { it.active }.card.heldOut.calibrationTable", hasSize(5),
                        "cards.find { !it.active }.registryHashMatches", nullValue(),
                        "cards.find { !it.active }.card.heldOutAuc", equalTo(0.66f),
                        "evaluations.file", contains("effects-test-1.evaluation.json"),
                        "evaluations[0].report.pehe", equalTo(1.8f));
    }

    @Test
    void oneVersionWithItsCardOrNotFound() {
        given().get("/api/v1/models/distance-test-1").then()
                .statusCode(200)
                .body("file", equalTo("distance-test-1.card.json"), "card.subgroups", hasSize(4),
                        "card.subgroups.attribute", contains("gender", "gender", "migrationBackground", "migrationBackground"));
        given().get("/api/v1/models/distance-9").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404), "detail", equalTo("Model version distance-9 not found"));
    }
}
