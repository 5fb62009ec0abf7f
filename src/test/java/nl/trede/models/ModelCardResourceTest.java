package nl.trede.models;

import static nl.trede.Requests.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.Caller;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.TribuoDistanceModel;
import org.junit.jupiter.api.Test;

/**
 * The models page's API reads the registry (seeded from {@code models/}) and reports as active the
 * set that answers requests, also after a switch; evaluation reports come from
 * src/test/resources/model-evaluations (see %test.trede.models.evaluations-directory).
 */
@QuarkusTest
class ModelCardResourceTest {

    @Inject
    ModelRegistry registry;
    @Inject
    ActiveModels active;

    @Test
    void theActiveVersionsAreTheOnesThatAnswer() {
        String scoredBy = given().contentType("application/json").body(Map.of("age", 30)).post("/api/v1/scores")
                .then().statusCode(200).extract().path("modelVersion");
        String catalogue = given().get("/api/v1/interventions").then().statusCode(200).extract().path("version");
        Map<String, Object> ready = RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .extract().path("checks.find { it.name == 'models' }.data");
        given().get("/api/v1/models").then()
                .statusCode(200)
                .header("API-Version", "1.0.0")
                .body("activeVersions.distance", equalTo(scoredBy),
                        "activeVersions.distance", equalTo(ready.get("distanceModel")),
                        "activeVersions.effects", equalTo(ready.get("effectModel")),
                        "activeVersions.catalogue", equalTo(ready.get("catalogue")),
                        "activeVersions.catalogue", equalTo(catalogue),
                        "cards.modelVersion", hasItems("distance-1.0.0", "effects-1.1.0"),
                        "cards.find { it.modelVersion == 'distance-1.0.0' }.active", equalTo(true),
                        "cards.find { it.modelVersion == 'distance-1.0.0' }.kind", equalTo("distance"),
                        "cards.find { it.modelVersion == 'distance-1.0.0' }.registryHashMatches", equalTo(true),
                        "cards.find { it.modelVersion == 'distance-1.0.0' }.card.heldOut.calibrationTable", hasSize(10),
                        "cards.find { it.modelVersion == 'effects-1.1.0' }.active", equalTo(true),
                        "evaluations.file", contains("effects-test-1.evaluation.json"),
                        "evaluations[0].report.pehe", equalTo(1.8f));
    }

    @Test
    void aSwitchedSetIsWhatThePageCallsActive() throws Exception {
        // Another version of the shipped distance model: the same bytes under a card that names another version.
        String version = "distance-1.0.0-relabelled-" + UUID.randomUUID();
        ModelArtefact shipped = ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE);
        byte[] card = new String(shipped.card(), StandardCharsets.UTF_8)
                .replace("\"modelVersion\" : \"distance-1.0.0\"", "\"modelVersion\" : \"" + version + "\"")
                .getBytes(StandardCharsets.UTF_8);
        registry.register(ModelFiles.DISTANCE, version, shipped.bytes(), card);
        given().get("/api/v1/models/" + version).then().statusCode(200)
                .body("active", equalTo(false), "kind", equalTo("distance"), "registryHashMatches", equalTo(true));

        ModelSet before = active.current();
        active.activate(new ModelSet(TribuoDistanceModel.fromBytes(shipped.bytes(), card), before.effects(), before.catalogue()));
        try {
            given().get("/api/v1/models").then().statusCode(200)
                    .body("activeVersions.distance", equalTo(version),
                            "cards.find { it.modelVersion == '" + version + "' }.active", equalTo(true),
                            "cards.find { it.modelVersion == 'distance-1.0.0' }.active", equalTo(false));
            assertEquals(version, given().contentType("application/json").body(Map.of("age", 30)).post("/api/v1/scores")
                    .then().statusCode(200).extract().path("modelVersion"));
        } finally {
            active.activate(before);
        }
    }

    @Test
    void oneVersionWithItsCardOrNotFound() {
        given().get("/api/v1/models/distance-1.0.0").then()
                .statusCode(200)
                .body("kind", equalTo("distance"), "card.subgroups", hasSize(4),
                        "card.subgroups.attribute", contains("gender", "gender", "migrationBackground", "migrationBackground"));
        given().get("/api/v1/models/distance-9").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404), "detail", equalTo("Model version distance-9 not found"));
    }

    @Test
    void everyRoleThatWorksWithTheModelsPageReadsTheVersions() {
        for (String role : List.of("team-lead", "klantmanager", "data-scientist", "auditor", "admin")) {
            Caller.of(role, "GM0599").given().get("/api/v1/models").then().statusCode(200)
                    .body("versions.status", hasItems("ACTIVE"));
        }
    }
}
