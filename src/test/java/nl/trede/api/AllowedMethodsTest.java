package nl.trede.api;

import static nl.trede.Requests.anonymous;
import static nl.trede.Requests.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A 405 says what is allowed, and OPTIONS advertises exactly the methods that answer. */
@QuarkusTest
class AllowedMethodsTest {

    private static final String SOME_ID = "00000000-0000-0000-0000-000000000000";

    @Test
    void aMethodThePathDoesNotServeIs405WithTheAllowedMethods() {
        given().delete("/api/v1/intakes/" + SOME_ID).then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("status", equalTo(405));
        given().put("/api/v1/intakes").then().statusCode(405).header("Allow", "OPTIONS, POST");
        anonymous().post("/api/v1/openapi.json").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("status", equalTo(405));
    }

    @Test
    void optionsAdvertisesExactlyTheDocumentedMethodsOfEveryPath() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(Path.of("openapi", "openapi.json").toFile()).get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            Set<String> expected = new TreeSet<>(Set.of("OPTIONS"));
            path.getValue().fieldNames().forEachRemaining(method -> expected.add(method.toUpperCase(Locale.ROOT)));
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            String concrete = "/api/v1" + path.getKey().replaceAll("\\{[^}]+}", SOME_ID);
            String allow = anonymous().options(concrete).then().statusCode(204).extract().header("Allow");
            assertEquals(String.join(", ", expected), allow, "OPTIONS " + path.getKey());
            for (String method : Set.of("PUT", "PATCH", "DELETE", "POST", "GET")) {
                if (!expected.contains(method)) {
                    var answer = given().request(method, concrete).then().extract();
                    // GET /clients/search is GET /clients/{clientId} for a client "search": a 404, not a 405.
                    if (answer.statusCode() != 404) {
                        assertEquals(405, answer.statusCode(), method + " " + path.getKey());
                        assertEquals(allow, answer.header("Allow"), method + " " + path.getKey());
                    }
                }
            }
        }
    }

    @Test
    void headIsAnsweredWhereGetIs() {
        given().head("/api/v1/interventions").then().statusCode(200);
    }
}
