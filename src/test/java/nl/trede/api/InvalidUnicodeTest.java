package nl.trede.api;

import static nl.trede.Requests.createIntake;
import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.Requests;
import nl.trede.client.Client;
import nl.trede.decision.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that is not valid Unicode (a lone half of a surrogate pair, as a JSON escape can write it)
 * cannot be stored or hashed as sent: UTF-8 turns it into {@code ?}, so {@code "REPRO-\ud800"}
 * and {@code "REPRO-?"} were one client. It is refused, naming the field, in every request body.
 */
@QuarkusTest
class InvalidUnicodeTest {

    private final ObjectMapper json = new ObjectMapper();

    /** The body as JSON text with {@code FIELD} in place of the value, so that the escape reaches the service as written. */
    private static String withRawValue(Map<String, Object> body, String field, String jsonValue) throws Exception {
        body.put(field, "FIELD");
        return new ObjectMapper().writeValueAsString(body).replace("\"FIELD\"", jsonValue);
    }

    private static ValidatableResponse postRaw(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"REPRO-\\ud800\"", "\"REPRO-\\udc00\"", "\"\\udc00\\ud83d-REPRO\"", "\"REPRO-\\ud83d\""})
    void aClientReferenceWithAnUnpairedSurrogateIsRefusedAndNoClientRegistered(String reference) throws Exception {
        long clientsBefore = Client.count();
        postRaw("/api/v1/intakes", withRawValue(intake(), "clientReference", reference))
                .statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("clientReference"),
                        "invalidParams[0].reason", containsString("valid Unicode"));
        assertEquals(clientsBefore, Client.count());
    }

    @Test
    void anUnpairedSurrogateWrittenAsRawBytesIsRefusedToo() throws Exception {
        // ED A0 80 is U+D800 encoded as if it were a character (CESU-8): not valid UTF-8.
        String[] around = withRawValue(intake(), "clientReference", "\"REPRO-RAW\"").split("RAW", 2);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        long clientsBefore = Client.count();
        given().contentType(ContentType.JSON).body(body.toByteArray()).post("/api/v1/intakes")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(clientsBefore, Client.count());
    }

    @Test
    void aReferenceWithAQuestionMarkAndOneWithAPairedSurrogateAreDifferentClients() throws Exception {
        String base = "REPRO-" + UUID.randomUUID();
        Requests.remember(base);
        String question = postRaw("/api/v1/intakes", withRawValue(intake(), "clientReference", json.writeValueAsString(base + "-?")))
                .statusCode(201).extract().path("clientId");
        String emoji = postRaw("/api/v1/intakes", withRawValue(intake(), "clientReference", "\"" + base + "-\\ud83d\\ude00\""))
                .statusCode(201).extract().path("clientId");
        assertNotEquals(question, emoji);
        String found = postRaw("/api/v1/clients/search", "{\"municipalityCode\":\"GM0599\",\"clientReference\":\"" + base + "-\\ud83d\\ude00\"}")
                .statusCode(200).extract().path("clientId");
        assertEquals(emoji, found, "the paired surrogate is stored as sent and found again");
    }

    @Test
    void everyTextFieldRefusesAnUnpairedSurrogate() throws Exception {
        String intakeId = createIntake(intake());
        String decisions = "/api/v1/intakes/" + intakeId + "/decisions";
        long decisionsBefore = Decision.count();
        Map<String, Object> decision = new HashMap<>(Map.of("interventionCodes", List.of("NONE"), "reasonCode", "OTHER"));
        postRaw(decisions, withRawValue(decision, "klantmanagerId", "\"km-\\ud800\""))
                .statusCode(400).body("invalidParams[0].name", equalTo("klantmanagerId"));
        decision.put("klantmanagerId", "km-1");
        postRaw(decisions, withRawValue(decision, "interventionCodes", "[\"NONE\", \"\\udfff\"]"))
                .statusCode(400).body("invalidParams[0].name", equalTo("interventionCodes[1]"));
        assertEquals(decisionsBefore, Decision.count());
        postRaw("/api/v1/clients/search", "{\"municipalityCode\":\"GM0599\",\"clientReference\":\"REPRO-\\ud800\"}")
                .statusCode(400).body("invalidParams[0].name", equalTo("clientReference"));
    }
}
