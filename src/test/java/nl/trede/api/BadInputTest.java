package nl.trede.api;

import static nl.trede.Requests.given;
import static nl.trede.Requests.createIntake;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.trede.intake.Intake;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem+json answer naming the field, never a 500 or a stack trace, and stores nothing. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("API-Version", "1.0.0")
                .body("status", equalTo(status), "title", notNullValue(), "detail", notNullValue())
                .body(not(containsString("Exception")), not(containsString("at nl.trede")));
    }

    static Stream<Arguments> invalidIntakeFields() {
        return Stream.of(
                Arguments.of("age", 12, "out_of_range", "must be between 18 and 67"),
                Arguments.of("age", "abc", "wrong_type", "integer"),
                Arguments.of("age", 34.5, "wrong_type", "integer"),
                Arguments.of("participationRung", 9, "out_of_range", "between 1 and 6"),
                Arguments.of("motivation", 0, "out_of_range", "between 1 and 5"),
                Arguments.of("monthsOnBenefit", -1, "out_of_range", "between 0 and 600"),
                Arguments.of("educationLevel", "MASTER", "invalid_value", "must be one of"),
                Arguments.of("healthLimitation", 2, "invalid_value", "must be one of"),
                Arguments.of("careDuties", "yes", "wrong_type", "boolean"),
                Arguments.of("labourMarketTightness", "high", "wrong_type", "number"),
                Arguments.of("labourMarketTightness", 20.5, "out_of_range", "must be between 0 and 20"),
                Arguments.of("municipalityCode", "Rotterdam", "invalid_format", "GM0599"),
                Arguments.of("clientReference", "", "required", "is required"),
                Arguments.of("clientReference", "R".repeat(65), "too_long", "at most 64"),
                Arguments.of("clientReference", 123456782, "wrong_type", "must be text"),
                Arguments.of("clientReference", "BSN\u0000123", "nul_character", "NUL"),
                Arguments.of("unknownField", 1, "unknown_field", "unknown field"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidIntakeFields")
    void anInvalidIntakeFieldIsNamedWithItsCodeAndNothingIsStored(String field, Object value, String code, String reason) {
        long before = Intake.count();
        Map<String, Object> body = intake();
        body.put(field, value);
        assertProblem(post("/api/v1/intakes", body), 400)
                .body("invalidParams", hasSize(1), "invalidParams[0].name", equalTo(field),
                        "invalidParams[0].code", equalTo(code), "invalidParams[0].reason", containsString(reason));
        assertEquals(before, Intake.count());
    }

    /** Jackson stops at the first field it cannot read; the answer must still list every invalid field. */
    @Test
    void unknownAndWrongTypedFieldsAreListedBesideOutOfRangeOnes() {
        long before = Intake.count();
        Map<String, Object> body = intake();
        body.put("ageInYears", 34);
        body.put("age", 12);
        body.put("motivation", "high");
        body.put("educationLevel", "MASTER");
        body.remove("municipalityCode");
        assertProblem(post("/api/v1/intakes", body), 400)
                .body("detail", equalTo("5 fields are invalid"),
                        "invalidParams.name", contains("age", "ageInYears", "educationLevel", "motivation", "municipalityCode"),
                        "invalidParams.code", contains("out_of_range", "unknown_field", "invalid_value", "wrong_type", "required"));
        assertEquals(before, Intake.count());
    }

    @Test
    void decisionFieldsThatCannotBeReadAreListedWithTheOthers() {
        String intakeId = createIntake(intake());
        assertProblem(post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of("NONE", 7),
                "klantmanagerId", "", "adjustedCategory", 9, "colour", "red")), 400)
                .body("invalidParams.name", contains("adjustedCategory", "colour", "interventionCodes[1]", "klantmanagerId"),
                        "invalidParams.code", contains("out_of_range", "unknown_field", "wrong_type", "required"));
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Map<String, Object> body = intake();
        body.put("age", 12);
        body.put("participationRung", 9);
        body.remove("municipalityCode");
        assertProblem(post("/api/v1/intakes", body), 400)
                .body("invalidParams.name", containsInAnyOrder("age", "participationRung", "municipalityCode"));
    }

    @Test
    void malformedJsonEmptyBodiesAndWrongShapesAreRefused() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"age\": ").post("/api/v1/intakes").then(), 400)
                .body("title", equalTo("Malformed JSON"));
        assertProblem(given().contentType(ContentType.JSON).post("/api/v1/intakes").then(), 400);
        assertProblem(given().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/intakes").then(), 400);
        assertProblem(given().contentType(ContentType.JSON).body("{} {}").post("/api/v1/scores").then(), 400);
        assertProblem(given().contentType(ContentType.TEXT).body("age=34").post("/api/v1/intakes").then(), 415);
    }

    @Test
    void unknownIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(given().get("/api/v1/intakes/" + unknown).then(), 404);
        assertProblem(given().get("/api/v1/intakes/not-a-uuid").then(), 404);
        assertProblem(given().get("/api/v1/intakes/" + unknown + "/recommendations").then(), 404);
        assertProblem(post("/api/v1/intakes/" + unknown + "/decisions",
                Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1")), 404);
        assertProblem(given().get("/api/v1/clients/" + unknown).then(), 404);
        assertProblem(post("/api/v1/clients/" + unknown + "/outcomes",
                Map.of("observedOn", LocalDate.now().toString(), "status", "PAID_WORK")), 404);
    }

    @Test
    void decisionsNameTheWrongInterventionCodes() {
        String intakeId = createIntake(intake());
        String decisions = "/api/v1/intakes/" + intakeId + "/decisions";
        assertProblem(post(decisions, Map.of("interventionCodes", List.of("NONE", "TELEPORTATION"),
                "klantmanagerId", "km-1", "reasonCode", "OTHER")), 400)
                .body("invalidParams.name", contains("interventionCodes[0]", "interventionCodes[1]"),
                        "invalidParams.code", contains("not_combinable", "invalid_value"));
        assertProblem(post(decisions, Map.of("interventionCodes", List.of("DEBT_COUNSELLING"),
                "klantmanagerId", "km-1", "reasonCode", "OTHER")), 400)
                .body("invalidParams[0].reason", containsString("problematic debts"), "invalidParams[0].code", equalTo("not_eligible"));
        assertProblem(post(decisions, Map.of("interventionCodes", List.of(), "klantmanagerId", "")), 400)
                .body("invalidParams.name", containsInAnyOrder("interventionCodes", "klantmanagerId"));
        assertProblem(post(decisions, Map.of("interventionCodes", "NONE", "klantmanagerId", "km-1")), 400)
                .body("invalidParams[0].name", equalTo("interventionCodes"));
        assertProblem(post(decisions, Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1",
                "reasonCode", "BECAUSE")), 400)
                .body("invalidParams[0].name", equalTo("reasonCode"));
        assertProblem(post(decisions, Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1",
                "reasonCode", "OTHER", "recommendationId", UUID.randomUUID().toString())), 400)
                .body("invalidParams[0].name", equalTo("recommendationId"));
    }

    @Test
    void outcomesAreValidated() {
        String clientId = post("/api/v1/intakes", intake()).statusCode(201).extract().path("clientId");
        String outcomes = "/api/v1/clients/" + clientId + "/outcomes";
        assertProblem(post(outcomes, Map.of("observedOn", LocalDate.now().plusDays(3).toString(), "status", "PAID_WORK")), 400)
                .body("invalidParams[0].name", equalTo("observedOn"), "invalidParams[0].code", equalTo("out_of_range"));
        assertProblem(post(outcomes, Map.of("observedOn", "yesterday", "status", "PAID_WORK")), 400)
                .body("invalidParams[0].name", equalTo("observedOn"), "invalidParams[0].code", equalTo("invalid_format"));
        assertProblem(post(outcomes, Map.of("observedOn", LocalDate.now().toString(), "status", "RICH",
                "hoursPerWeek", 100)), 400)
                .body("invalidParams.name", contains("hoursPerWeek", "status"),
                        "invalidParams.code", contains("out_of_range", "invalid_value"));
        assertProblem(post(outcomes, Map.of("observedOn", LocalDate.now().toString(), "hoursPerWeek", 100,
                "participationRung", 0)), 400)
                .body("invalidParams.name", containsInAnyOrder("status", "hoursPerWeek", "participationRung"));
    }
}
