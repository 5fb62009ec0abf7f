package nl.trede.scoring;

import static nl.trede.Requests.as;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stateless what-if answers exactly what a stored intake's advice shows for the same profile:
 * the same score and factors, the same ranking, effects, intervals, ties and exclusions.
 */
@QuarkusTest
class AdviceResourceTest {

    @Test
    void theWhatIfIsTheStoredAdviceOfTheSameProfile() {
        for (String horizon : List.of("12", "24")) {
            Map<String, Object> body = intake();
            body.put("problematicDebts", true);
            JsonPath intake = given().contentType(ContentType.JSON).body(body).post("/api/v1/intakes")
                    .then().statusCode(201).extract().jsonPath();
            JsonPath stored = given().queryParam("horizonMonths", horizon)
                    .get("/api/v1/intakes/" + intake.getString("id") + "/recommendations").then().statusCode(200).extract().jsonPath();
            body.remove("clientReference");
            body.remove("municipalityCode");
            JsonPath whatIf = as("case-system-rotterdam").contentType(ContentType.JSON).body(body)
                    .queryParam("horizonMonths", horizon).post("/api/v1/advice").then().statusCode(200).extract().jsonPath();

            assertEquals(intake.getDouble("score.probability"), whatIf.getDouble("score.probability"), 0);
            assertEquals(intake.getList("score.factors"), whatIf.getList("score.factors"));
            assertEquals(stored.getDouble("baselineChance"), whatIf.getDouble("score.probability"), 0);
            assertEquals(Integer.parseInt(horizon), whatIf.getInt("horizonMonths"));
            assertEquals(stored.getString("effectModelVersion"), whatIf.getString("effectModelVersion"));
            assertEquals(stored.getString("catalogueVersion"), whatIf.getString("catalogueVersion"));
            assertEquals(stored.getList("items"), whatIf.getList("items"));
            assertEquals(stored.getList("notEligible"), whatIf.getList("notEligible"));
            assertFalse(whatIf.getList("items").isEmpty());
        }
    }

    @Test
    void aBadProfileOrHorizonIsAProblemNotAnAnswer() {
        as("case-system-rotterdam").contentType(ContentType.JSON).body(Map.of("motivation", 9)).post("/api/v1/advice")
                .then().statusCode(400).contentType("application/problem+json");
        as("case-system-rotterdam").contentType(ContentType.JSON).body(Map.of("age", 40)).queryParam("horizonMonths", "6")
                .post("/api/v1/advice").then().statusCode(400).body("invalidParams[0].name", equalTo("horizonMonths"));
    }
}
