package nl.trede.overriderates;

import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import nl.trede.Caller;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OverrideRateResourceTest {

    /** Used by no other test, so the counts are exactly what this class made. */
    private static final String MUNICIPALITY = "GM0997";

    private static boolean made;

    private static RequestSpecification given() {
        return Caller.klantmanagerOf(MUNICIPALITY).given();
    }

    @BeforeAll
    static void resetFlag() {
        made = false;
    }

    /**
     * Four decisions today: one follows the advice, three deviate (two for capacity, one for health);
     * the client whose advice was followed is in paid work today.
     */
    private static void makeDecisions() {
        if (made) {
            return;
        }
        String followed = decide(null);
        Caller.klantmanagerOf(MUNICIPALITY).post("/api/v1/clients/" + followed + "/outcomes",
                Map.of("observedOn", LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString(), "status", "PAID_WORK")).statusCode(201);
        decide("CAPACITY");
        decide("CAPACITY");
        decide("HEALTH");
        made = true;
    }

    /** Returns the client's id. */
    private static String decide(String reason) {
        Caller caller = Caller.klantmanagerOf(MUNICIPALITY);
        String intakeId = caller.createIntake(intake());
        List<String> ranked = given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().extract().path("items.interventionCode");
        return caller.post("/api/v1/intakes/" + intakeId + "/decisions", reason == null
                ? Map.of("interventionCodes", ranked.subList(0, 1), "klantmanagerId", "km-1")
                : Map.of("interventionCodes", ranked.subList(0, 2), "klantmanagerId", "km-1", "reasonCode", reason))
                .statusCode(201).extract().path("clientId");
    }

    @Test
    void ratesPerMonthAndPerReason() {
        makeDecisions();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        given().queryParam("municipalityCode", MUNICIPALITY).get("/api/v1/override-rates").then()
                .statusCode(200)
                .body("municipalityCode", equalTo(MUNICIPALITY), "period", equalTo("MONTH"),
                        "decisions", equalTo(4), "overrides", equalTo(3), "overrideRate", equalTo(0.75f),
                        "periods", hasSize(1),
                        "periods[0].start", equalTo(today.withDayOfMonth(1).toString()),
                        "periods[0].overrideRate", equalTo(0.75f),
                        "reasons.reasonCode", containsInAnyOrder("CLIENT_PREFERENCE", "CAPACITY", "PROFESSIONAL_JUDGEMENT",
                                "MISSING_INFORMATION", "HEALTH", "OTHER"),
                        "reasons.find { it.reasonCode == 'CAPACITY' }.overrides", equalTo(2),
                        "reasons.find { it.reasonCode == 'HEALTH' }.share", equalTo(0.33333334f),
                        "reasons.find { it.reasonCode == 'OTHER' }.overrides", equalTo(0));
    }

    @Test
    void perAdvisedInterventionAndHowClientsFaredAfterwards() {
        makeDecisions();
        given().queryParam("municipalityCode", MUNICIPALITY).get("/api/v1/override-rates").then()
                .statusCode(200)
                .body("signal", equalTo("TOO_FEW_DECISIONS"),
                        "advised", hasSize(1), "advised[0].decisions", equalTo(4), "advised[0].overrides", equalTo(3),
                        "afterwards.find { !it.overridden }.decisions", equalTo(1),
                        "afterwards.find { !it.overridden }.labelled", equalTo(1),
                        "afterwards.find { !it.overridden }.workedWithin12Months", equalTo(1),
                        "afterwards.find { it.overridden }.decisions", equalTo(3),
                        "afterwards.find { it.overridden }.labelled", equalTo(0),
                        "afterwards.find { it.overridden }.share", nullValue());
    }

    @Test
    void weeksStartOnMonday() {
        makeDecisions();
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Amsterdam")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        given().queryParam("municipalityCode", MUNICIPALITY).queryParam("period", "WEEK").get("/api/v1/override-rates").then()
                .statusCode(200)
                .body("period", equalTo("WEEK"), "periods.start", contains(monday.toString()), "periods[0].decisions", equalTo(4));
    }

    @Test
    void aMunicipalityWithoutDecisionsHasNoRateRatherThanZero() {
        Caller.klantmanagerOf("GM0001").given().queryParam("municipalityCode", "GM0001").get("/api/v1/override-rates").then()
                .statusCode(200)
                .body("decisions", equalTo(0), "overrideRate", nullValue(), "periods", empty(),
                        "reasons.find { it.reasonCode == 'CAPACITY' }.share", nullValue());
    }

    @Test
    void everyInvalidParameterIsNamed() {
        given().get("/api/v1/override-rates").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", contains("municipalityCode"));
        given().queryParam("municipalityCode", "0599").queryParam("period", "DAY").get("/api/v1/override-rates").then()
                .statusCode(400)
                .body("invalidParams.name", contains("municipalityCode", "period"));
    }
}
