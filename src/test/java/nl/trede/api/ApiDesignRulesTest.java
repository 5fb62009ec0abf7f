package nl.trede.api;

import static nl.trede.Requests.anonymous;
import static nl.trede.Requests.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiDesignRulesTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.json");

    @Test
    void everyResponseCarriesTheApiVersion() {
        given().get("/api/v1/interventions").then().statusCode(200).header("API-Version", "1.0.0");
        given().get("/api/v1/intakes/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).header("API-Version", "1.0.0");
        anonymous().get("/q/health/ready").then().header("API-Version", "1.0.0");
    }

    @Test
    void aTrailingSlashIsNotFoundNotARedirect() {
        given().redirects().follow(false).get("/api/v1/interventions/").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404), "title", notNullValue(), "detail", containsString("trailing slash"));
    }

    @Test
    void theOpenApiDocumentIsPublicWithCorsAndOpenApi30() {
        anonymous().get("/api/v1/openapi.json").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("openapi", equalTo("3.0.3"), "servers[0].url", containsString("/api/v1"),
                        "paths.'/openapi.json'.get", notNullValue(), "paths.'/intakes'.post", notNullValue());
    }

    /**
     * The committed document must be what the code serves. To accept a deliberate change:
     * {@code ./mvnw test -Dtest=ApiDesignRulesTest -Dtrede.openapi.update=true}.
     */
    @Test
    void theCommittedOpenApiDocumentMatchesTheCode() throws Exception {
        String served = anonymous().get("/api/v1/openapi.json").then().statusCode(200).extract().asString();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode servedTree = mapper.readTree(served);
        if (Boolean.getBoolean("trede.openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(servedTree) + "\n");
        }
        JsonNode committed = mapper.readTree(Files.readString(COMMITTED));
        assertTrue(committed.equals(servedTree), "openapi/openapi.json has drifted from the code; regenerate it with "
                + "./mvnw test -Dtest=ApiDesignRulesTest -Dtrede.openapi.update=true and review the diff");
    }
}
