package nl.trede.outcome;

import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static nl.trede.Requests.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An outcome's date is stored as sent, or refused: it lies from the day before the client's first
 * intake to tomorrow (Europe/Amsterdam). Dates outside were stored as another day
 * ({@code 1582-10-10} became {@code 1582-10-20} through the Julian calendar of java.sql.Date) or
 * another year ({@code -999999999-01-01} became year 169,087,565).
 */
@QuarkusTest
class OutcomeDatesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    EntityManager entityManager;

    private static String newClient() {
        return post("/api/v1/intakes", intake()).statusCode(201).extract().path("clientId");
    }

    private static Response postOutcome(String clientId, String observedOn) {
        return given().contentType("application/json").body(Map.of("observedOn", observedOn, "status", "PAID_WORK"))
                .post("/api/v1/clients/" + clientId + "/outcomes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1582-10-10", "-999999999-01-01", "+999999999-12-31", "0001-01-01", "9999-12-31"})
    void aDateNoOutcomeCanHaveIsRefusedNamingTheFieldAndNothingIsStored(String observedOn) {
        String clientId = newClient();
        long before = Outcome.count();
        postOutcome(clientId, observedOn).then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("observedOn"),
                        "invalidParams[0].reason", containsString("first intake"));
        assertEquals(before, Outcome.count());
    }

    @Test
    void theBoundsAreTheDayBeforeTheFirstIntakeAndTomorrow() {
        Map<String, Object> firstIntake = intake();
        String clientId = post("/api/v1/intakes", firstIntake).statusCode(201).extract().path("clientId");
        LocalDate today = LocalDate.now(AMSTERDAM);
        postOutcome(clientId, today.minusDays(2).toString()).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("observedOn"));
        postOutcome(clientId, today.plusDays(2).toString()).then().statusCode(400)
                .body("invalidParams[0].name", equalTo("observedOn"));
        // A reassessment later does not move the lower bound: a late outcome may predate it.
        post("/api/v1/intakes", firstIntake).statusCode(201).body("clientId", equalTo(clientId));
        postOutcome(clientId, today.minusDays(1).toString()).then().statusCode(201);
    }

    @Test
    void whatIsAcceptedIsStoredAsSent() {
        String clientId = newClient();
        LocalDate today = LocalDate.now(AMSTERDAM);
        for (LocalDate sent : List.of(today.minusDays(1), today, today.plusDays(1))) {
            String outcomeId = postOutcome(clientId, sent.toString()).then().statusCode(201)
                    .body("observedOn", equalTo(sent.toString())).extract().path("id");
            String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                    .createNativeQuery("SELECT CAST(observed_on AS VARCHAR(10)) FROM outcome WHERE id = ?1")
                    .setParameter(1, UUID.fromString(outcomeId)).getSingleResult());
            assertEquals(sent.toString(), stored, "the DATE column holds the day that was sent");
        }
        List<String> read = given().get("/api/v1/clients/" + clientId).then().statusCode(200)
                .extract().path("timeline.findAll { it.type == 'OUTCOME' }.outcome.observedOn");
        assertEquals(List.of(today.minusDays(1).toString(), today.toString(), today.plusDays(1).toString()), read);
    }
}
