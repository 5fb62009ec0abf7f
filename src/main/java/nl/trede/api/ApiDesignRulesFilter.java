package nl.trede.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Makes the generated OpenAPI document follow the NL GOV API Design Rules in one place instead of
 * on every endpoint: paths relative to the {@code /api/v1} server, the {@code /openapi.json}
 * resource, {@code API-Version} on every success response, and problem+json error responses.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDesignRulesFilter implements OASFilter {

    static final String BASE_PATH = "/api/v1";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths relative = OASFactory.createPaths();
        Map<String, PathItem> sorted = new TreeMap<>(openAPI.getPaths() == null ? Map.of() : openAPI.getPaths().getPathItems());
        sorted.forEach((path, item) -> {
            item.getOperations().values().forEach(operation -> {
                completeResponses(path, operation);
                moveRolesToDescription(operation);
            });
            relative.addPathItem(path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path, item);
        });
        relative.addPathItem("/openapi.json", openApiDocumentPath());
        openAPI.setPaths(relative);
        openAPI.addTag(OASFactory.createTag().name("openapi").description("The API description"));
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("InvalidParam", invalidParamSchema());
    }

    private static void completeResponses(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") || status.startsWith("3")) {
                response.addHeader("API-Version", apiVersionHeader());
            } else {
                response.setContent(problemContent());
            }
        });
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty()) || path.contains("{");
        if (takesInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", problem("Invalid input: every invalid field is listed"));
        }
        if (path.contains("{") && !responses.hasAPIResponse("404")) {
            responses.addAPIResponse("404", problem("Not found"));
        }
        responses.addAPIResponse("500", problem("Internal error, without details"));
    }

    /**
     * SmallRye lists the allowed roles as scopes of the bearer scheme, which OpenAPI 3.0 allows only
     * for OAuth2 schemes; the roles are stated in the description instead.
     */
    private static void moveRolesToDescription(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        Set<String> roles = new TreeSet<>();
        List<SecurityRequirement> withoutScopes = operation.getSecurity().stream().map(requirement -> {
            SecurityRequirement plain = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes);
                plain.addScheme(scheme);
            });
            return plain;
        }).toList();
        operation.setSecurity(withoutScopes);
        if (!roles.isEmpty()) {
            String description = operation.getDescription() == null ? "" : operation.getDescription() + " ";
            operation.setDescription(description + "Roles: " + String.join(", ", roles) + ".");
        }
    }

    private static PathItem openApiDocumentPath() {
        Header cors = OASFactory.createHeader()
                .description("Any origin may read the API description")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        APIResponse ok = OASFactory.createAPIResponse()
                .description("This OpenAPI document")
                .addHeader("API-Version", apiVersionHeader())
                .addHeader("access-control-allow-origin", cors)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))));
        return OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("getOpenApiDocument")
                .summary("The OpenAPI description of this API")
                .description("This document, in OpenAPI 3.0 JSON; readable without authentication from any origin.")
                .addTag("openapi")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok)));
    }

    private static Header apiVersionHeader() {
        return OASFactory.createHeader()
                .description("The full version of the API (semantic versioning)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).example("1.0.0"));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addRequired("status").addRequired("title")
                .addProperty("type", string("URI reference identifying the problem type"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("HTTP status code"))
                .addProperty("detail", string("Explanation of this occurrence"))
                .addProperty("invalidParams", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Every invalid field of the request")
                        .items(OASFactory.createSchema().ref("#/components/schemas/InvalidParam")));
    }

    private static Schema invalidParamSchema() {
        Schema code = string("What is wrong, as a stable machine-readable code; decide on this, not on the reason's words");
        Arrays.stream(ProblemCode.values()).forEach(value -> code.addEnumeration(value.code()));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addRequired("name").addRequired("code").addRequired("reason")
                .addProperty("name", string("JSON path of the invalid field, e.g. age or interventionCodes[1]"))
                .addProperty("code", code)
                .addProperty("reason", string("Why it is invalid, in English words for people"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
