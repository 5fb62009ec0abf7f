package nl.trede.scoring;

import static nl.trede.Requests.anonymous;
import static nl.trede.Requests.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The limits a form reads from GET /intake-fields are exactly the ones the service and its OpenAPI document apply. */
@QuarkusTest
class IntakeFieldResourceTest {

    private static List<Map<String, Object>> servedFields() {
        return anonymous().get("/api/v1/intake-fields").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void everyFieldIsServedWithItsDutchLabelUnitAndRangeWithoutAToken() {
        anonymous().get("/api/v1/intake-fields").then().statusCode(200)
                .body("items.size()", equalTo(16),
                        "items[0].name", equalTo("age"), "items[0].type", equalTo("integer"), "items[0].label", equalTo("leeftijd"),
                        "items[0].unit", equalTo("jaar"), "items[0].minimum", equalTo(18), "items[0].maximum", equalTo(67),
                        "items[0].nullMeans", nullValue(),
                        "items.find { it.name == 'educationLevel' }.values.value", hasItem("MBO_2_4"),
                        "items.find { it.name == 'educationLevel' }.values.label", hasItem("mbo 2, 3 of 4"),
                        "items.find { it.name == 'monthsSinceLastJob' }.nullMeans", equalTo("nooit betaald gewerkt"),
                        "items.find { it.name == 'labourMarketTightness' }.type", equalTo("number"),
                        "items.find { it.name == 'healthLimitation' }.values.value", contains("NONE", "SOME", "SEVERE"));
    }

    @Test
    void theServedBoundsAreAcceptedAndOneStepBeyondIsRefused() {
        for (Map<String, Object> field : servedFields()) {
            if (field.get("minimum") == null) {
                continue;
            }
            String name = (String) field.get("name");
            Number min = (Number) field.get("minimum");
            Number max = (Number) field.get("maximum");
            for (Number bound : List.of(min, max)) {
                score(name, bound).statusCode(200);
            }
            // Integers one below and above; fractions half a unit beyond (a fraction for an integer would be wrong_type).
            boolean integer = "integer".equals(field.get("type"));
            Number below = integer ? (Number) (min.intValue() - 1) : (Number) (min.doubleValue() - 0.5);
            Number above = integer ? (Number) (max.intValue() + 1) : (Number) (max.doubleValue() + 0.5);
            for (Number outside : List.of(below, above)) {
                score(name, outside).statusCode(400).body("invalidParams.name", contains(name),
                        "invalidParams.code", contains("out_of_range"));
            }
        }
    }

    private static io.restassured.response.ValidatableResponse score(String name, Number value) {
        return given().contentType(ContentType.JSON).body(Map.of(name, value)).post("/api/v1/scores").then();
    }

    @Test
    void theOpenApiDocumentStatesTheServedBounds() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(Path.of("openapi", "openapi.json").toFile()).at("/components/schemas");
        for (Map<String, Object> field : servedFields()) {
            for (String schema : List.of("IntakeProfile", "IntakeRequest")) {
                JsonNode property = schemas.at("/" + schema + "/properties/" + field.get("name"));
                for (String bound : List.of("minimum", "maximum")) {
                    Object served = field.get(bound);
                    assertEquals(served == null ? null : new BigDecimal(served.toString()).stripTrailingZeros(),
                            property.has(bound) ? property.get(bound).decimalValue().stripTrailingZeros() : null,
                            schema + "." + field.get("name") + "." + bound);
                }
            }
        }
    }

    @Test
    void everyServedFieldIsStoredAndReadBackAsPosted() {
        Map<String, Object> posted = nl.trede.Requests.intake();
        String location = given().contentType(ContentType.JSON).body(posted).post("/api/v1/intakes")
                .then().statusCode(201).extract().header("Location");
        Map<String, Object> stored = given().get(location).then().statusCode(200).extract().jsonPath().getMap("profile");
        for (Map<String, Object> field : servedFields()) {
            Object name = field.get("name");
            assertTrue(posted.containsKey(name), "Requests.intake() gives " + name);
            assertEquals(String.valueOf(posted.get(name)), String.valueOf(stored.get(name)), name + " as stored");
        }
        assertEquals(posted.keySet().stream().filter(stored::containsKey).count(), (long) stored.size(), "nothing but intake fields");
    }

    /** The pages read the limits from the API: their JavaScript holds no numeric bounds of its own. */
    @Test
    void thePagesKeepNoCopyOfTheLimits() throws Exception {
        try (var scripts = Files.list(Path.of("src/main/resources/META-INF/resources/js"))) {
            for (Path script : scripts.toList()) {
                assertFalse(Pattern.compile("\\b(min|max)\\s*:\\s*-?\\d").matcher(Files.readString(script)).find(), script.toString());
            }
        }
    }
}
