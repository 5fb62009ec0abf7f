package nl.trede.api;

import static nl.trede.Requests.given;
import static nl.trede.Requests.intake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.trede.Requests;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed and boundary requests against every endpoint that takes input:
 * none may answer 5xx or leak a stack trace, every refusal is problem+json, and a refused request
 * leaves the data store exactly as it was.
 */
@QuarkusTest
class HostileInputFuzzTest {

    private static final int REQUESTS = 2500;
    private static final List<String> TABLES = List.of("client", "intake", "recommendation", "decision", "outcome", "audit_entry");
    private static final List<Object> HOSTILE_VALUES = List.of(
            -1, 0, 1, 17, 68, 601, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 1e308, -1e-308, 0.5, 3.0000001,
            "", " ", "NaN", "Infinity", "null", "true", "42", "GM", "GM05999", "gm0599", "A0", "ZZ",
            "'; DROP TABLE intake; --", "<script>alert(1)</script>", "\u0000", "\uD83D\uDE00", "x".repeat(5000),
            true, false, List.of(), List.of(1, 2), Map.of(), Map.of("nested", Map.of("deeper", List.of(1))),
            LocalDate.now().plusYears(1).toString(), "2024-02-30", "9999-12-31");

    @Inject
    EntityManager entityManager;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noGeneratedRequestBreaksTheServiceOrChangesTheStoreWhenRefused() throws Exception {
        Random random = new Random(20261125);
        Map<String, Object> valid = intake();
        Response created = given().contentType(ContentType.JSON).body(valid).post("/api/v1/intakes");
        String intakeId = created.path("id");
        String clientId = created.path("clientId");
        given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200); // so decisions can be taken
        List<Target> targets = List.of(
                new Target("/api/v1/intakes", intake()),
                new Target("/api/v1/scores", profileOnly()),
                new Target("/api/v1/intakes/" + intakeId + "/decisions",
                        Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER")),
                new Target("/api/v1/clients/" + clientId + "/outcomes",
                        Map.of("observedOn", LocalDate.now().toString(), "status", "PAID_WORK", "hoursPerWeek", 20)),
                new Target("/api/v1/clients/search", Map.of("clientReference", "x", "municipalityCode", "GM0599")));

        int refused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            String body = mutate(target.validBody(), random);
            Map<String, Long> before = rowCounts();
            Response response = given().contentType(ContentType.JSON).body(body).post(target.path());
            int status = response.statusCode();
            String answer = response.asString();
            String context = "request " + i + " to " + target.path() + " with " + abbreviate(body) + " → " + status;
            assertTrue(status < 500, context + ": " + abbreviate(answer));
            assertFalse(answer.contains("Exception") || answer.contains("\tat ") || answer.contains("at nl.trede"),
                    context + " leaks internals");
            if (status >= 400) {
                refused++;
                assertTrue(response.contentType().startsWith("application/problem+json"), context);
                Map<String, Long> after = rowCounts();
                if (status == 404) {
                    // a search that finds nobody is itself audited; nothing else may change
                    before.remove("audit_entry");
                    after.remove("audit_entry");
                }
                assertEquals(before, after, context + " changed the store");
            }
        }
        assertTrue(refused > REQUESTS / 2, "the generator should mostly produce invalid requests, refused: " + refused);
    }

    @Test
    void oversizedBodiesAreRefused() {
        Map<String, Object> body = intake();
        body.put("clientReference", "x".repeat(70_000));
        Response response = given().contentType(ContentType.JSON).body(body).post("/api/v1/intakes");
        assertEquals(413, response.statusCode());
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        Response response = given().get("/api/v1/interventions");
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertTrue(response.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals(null, Requests.anonymous().get("/api/v1/interventions").header("Access-Control-Allow-Origin"),
                "CORS only on the OpenAPI document");
    }

    private record Target(String path, Map<String, Object> validBody) {
    }

    private static Map<String, Object> profileOnly() {
        Map<String, Object> profile = intake();
        profile.remove("clientReference");
        profile.remove("municipalityCode");
        return profile;
    }

    /** One of several kinds of damage: a hostile value in a field, an unknown or missing field, or broken JSON. */
    private String mutate(Map<String, Object> valid, Random random) throws Exception {
        Map<String, Object> body = new HashMap<>(valid);
        List<String> fields = new ArrayList<>(body.keySet());
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(6)) {
            case 0, 1 -> body.put(field, HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())));
            case 2 -> body.put("unexpected" + random.nextInt(100), 1);
            case 3 -> {
                body.remove(field);
                body.put(field, null);
            }
            case 4 -> {
                String text = json.writeValueAsString(body);
                return text.substring(0, random.nextInt(text.length()));
            }
            default -> {
                return switch (random.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> "[" + json.writeValueAsString(body) + "]";
                    case 2 -> "\"" + UUID.randomUUID() + "\"";
                    case 3 -> "{".repeat(200);
                    default -> json.writeValueAsString(body).replace(":", "=");
                };
            }
        }
        return json.writeValueAsString(body);
    }

    private Map<String, Long> rowCounts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new HashMap<>();
            for (String table : TABLES) {
                counts.put(table, ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
            }
            return counts;
        });
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
