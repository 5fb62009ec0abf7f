package nl.trede.recommendation;

import static nl.trede.Requests.createIntake;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recommendations endpoint ranks by the shipped learned effect model. */
@QuarkusTest
class LearnedEffectRecommendationsTest {

    private static JsonPath advice(String intakeId, int horizonMonths) {
        return given().queryParam("horizonMonths", horizonMonths).get("/api/v1/intakes/" + intakeId + "/recommendations")
                .then().statusCode(200).body("horizonMonths", equalTo(horizonMonths),
                        "effectModelVersion", startsWith("effects-"))
                .extract().jsonPath();
    }

    @Test
    void readinessReportsTheLearnedEffectModel() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'models' }.data.effectModel", startsWith("effects-"));
    }

    @Test
    void aTypicalClientGetsLearnedEffectsWithTheirDriversAndPriorShare() {
        JsonPath advice = advice(createIntake(intake()), 12);
        List<Map<String, Object>> items = advice.getList("items");
        int learned = 0;
        for (Map<String, Object> item : items) {
            if ("NONE".equals(item.get("interventionCode")) || !Boolean.TRUE.equals(item.get("comparableHistory"))) {
                continue;
            }
            String source = (String) item.get("effectSource");
            assertTrue(List.of("LEARNED", "BLEND").contains(source), item.toString());
            double priorShare = ((Number) item.get("priorShare")).doubleValue();
            assertTrue(priorShare >= 0 && priorShare <= 1, item.toString());
            String rationale = (String) item.get("rationaleEnglish");
            assertTrue(rationale.contains("driven by") && rationale.contains("% prior"), rationale);
            String dutch = (String) item.get("rationale");
            assertTrue(dutch.contains("telt voor deze klant vooral mee") && dutch.contains("% uit onderzoek"), dutch);
            learned++;
        }
        assertTrue(learned >= 5, "most interventions have a learned effect for a typical client: " + items);
    }

    @Test
    void lockInReordersTheAdviceBetweenTwelveAndTwentyFourMonths() {
        Map<String, Object> body = intake();
        body.put("educationLevel", "PRIMARY");
        body.put("monthsOnBenefit", 40);
        body.put("monthsSinceLastJob", 60);
        String intakeId = createIntake(body);
        List<String> at12 = advice(intakeId, 12).getList("items.interventionCode");
        List<String> at24 = advice(intakeId, 24).getList("items.interventionCode");
        assertNotEquals(at12, at24, "the ranking depends on the horizon");
        assertTrue(at24.indexOf("VOCATIONAL_TRAINING") < at12.indexOf("VOCATIONAL_TRAINING"),
                "training (lock-in) ranks higher at 24 months: " + at12 + " vs " + at24);
    }

    @Test
    void aClientUnlikeAnyoneInTheHistoryGetsNoNumber() {
        Map<String, Object> body = intake();
        body.put("labourMarketTightness", 8.0); // far tighter than any region in the history
        JsonPath advice = advice(createIntake(body), 12);
        List<Map<String, Object>> offSupport = advice.getList("items.findAll { !it.comparableHistory }");
        assertFalse(offSupport.isEmpty(), "some intervention has no comparable history: " + advice.getList("items"));
        for (Map<String, Object> item : offSupport) {
            assertNull(item.get("expectedEffect"), item.toString());
            assertTrue(((String) item.get("rationaleEnglish")).startsWith("Not enough comparable history"), item.toString());
            assertTrue(((String) item.get("rationale")).startsWith("Te weinig vergelijkbare klanten"), item.toString());
        }
    }
}
