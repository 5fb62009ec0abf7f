package nl.trede.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.function.Consumer;
import nl.trede.idempotency.IdempotencyDocumentation;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
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
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + "Problem";
    private static final Map<String, String> CORE_SCHEMA_NAMES = Map.of("Direction", "ScoreFactorDirection");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths relative = OASFactory.createPaths();
        Map<String, PathItem> sorted = new TreeMap<>(openAPI.getPaths() == null ? Map.of() : openAPI.getPaths().getPathItems());
        sorted.forEach((path, item) -> {
            item.getOperations().forEach((method, operation) -> {
                if (IdempotencyDocumentation.isKeyed(method.name(), operation)) {
                    IdempotencyDocumentation.describe(operation);
                }
                completeResponses(path, operation);
                moveRolesToDescription(operation);
            });
            relative.addPathItem(path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path, item);
        });
        relative.addPathItem("/openapi.json", openApiDocumentPath());
        openAPI.setPaths(relative);
        openAPI.addTag(OASFactory.createTag().name("openapi").description("The API description"));
        nameCoreSchemas(openAPI);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.values().forEach(schema -> optionalMeansNullable(schema, schemas));
        requestBodySchemas(openAPI).forEach(schema -> schema.setAdditionalPropertiesBoolean(false));
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("InvalidParam", invalidParamSchema());
    }

    /**
     * The service accepts null for every optional field and writes null for an absent value, so the
     * document says so. A reference cannot carry {@code nullable} beside it (OpenAPI 3.0 ignores
     * siblings of {@code $ref}); it is wrapped in {@code allOf}, with the referenced schema's type.
     */
    private static void optionalMeansNullable(Schema schema, Map<String, Schema> components) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        new TreeMap<>(schema.getProperties()).forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                Schema target = components.get(property.getRef().substring(SCHEMAS.length()));
                Schema wrapped = OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(property.getRef()))
                        .description(property.getDescription()).type(new ArrayList<>(target.getType()));
                wrapped.addType(Schema.SchemaType.NULL);
                schema.addProperty(name, wrapped);
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
        });
    }

    /** Request bodies refuse unknown fields (StrictJson), so their schemas say {@code additionalProperties: false}. */
    private static List<Schema> requestBodySchemas(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        return openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operation.getRequestBody() != null && operation.getRequestBody().getContent() != null)
                .flatMap(operation -> operation.getRequestBody().getContent().getMediaTypes().values().stream())
                .map(media -> media.getSchema() == null ? null : media.getSchema().getRef())
                .filter(ref -> ref != null && ref.startsWith(SCHEMAS))
                .map(ref -> components.get(ref.substring(SCHEMAS.length())))
                .distinct().toList();
    }

    /**
     * The learning core carries no OpenAPI annotations, so the schemas of its types that the API
     * shows are named here, for what they are rather than a bare "Direction".
     */
    private static void nameCoreSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        CORE_SCHEMA_NAMES.forEach((javaName, apiName) -> {
            Schema schema = schemas.get(javaName);
            if (schema == null) {
                return;
            }
            openAPI.getComponents().removeSchema(javaName);
            openAPI.getComponents().addSchema(apiName, schema);
            schemas.values().forEach(s -> everySchemaIn(s, nested -> {
                if ((SCHEMAS + javaName).equals(nested.getRef())) {
                    nested.setRef(SCHEMAS + apiName);
                }
            }));
        });
    }

    private static void everySchemaIn(Schema schema, Consumer<Schema> action) {
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> everySchemaIn(property, action));
        }
        if (schema.getItems() != null) {
            everySchemaIn(schema.getItems(), action);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> everySchemaIn(part, action));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            everySchemaIn(schema.getAdditionalPropertiesSchema(), action);
        }
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
        // An id in the path that is no UUID is a resource that does not exist (404), not invalid input.
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() != Parameter.In.PATH));
        if (takesInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", problem("Invalid input: every invalid field is listed"));
        }
        if (path.contains("{") && !responses.hasAPIResponse("404")) {
            responses.addAPIResponse("404", problem("Not found"));
        }
        responses.addAPIResponse("500", problem("Internal error, without details"));
        if (operation.getRequestBody() != null) {
            responses.addAPIResponse("413", problem("The request body is larger than the service accepts"));
        }
        APIResponse limited = problem("This caller sent more requests than its rate limit allows: retry after Retry-After seconds");
        limited.addHeader("Retry-After", retryAfterHeader());
        limited.addHeader("RateLimit-Policy", textHeader("The caller's quota (IETF draft RateLimit header fields): q requests per w seconds"));
        limited.addHeader("RateLimit", textHeader("What is left of the quota (r) and the seconds until it is whole again (t)"));
        responses.addAPIResponse("429", limited);
        APIResponse unavailable = problem("The database cannot be reached for the moment, or the service is carrying out as many"
                + " requests as it can (code overloaded): retry after Retry-After seconds");
        unavailable.addHeader("Retry-After", retryAfterHeader());
        responses.addAPIResponse("503", unavailable);
    }

    private static Header retryAfterHeader() {
        return OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    private static Header textHeader(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
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
                .addProperty("code", problemCodeSchema("What the problem is, for problems that concern no single field"))
                .addProperty("invalidParams", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Every invalid field of the request")
                        .items(OASFactory.createSchema().ref("#/components/schemas/InvalidParam")));
    }

    private static Schema invalidParamSchema() {
        Schema code = problemCodeSchema("What is wrong");
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addRequired("name").addRequired("code").addRequired("reason")
                .addProperty("name", string("JSON path of the invalid field, e.g. age or interventionCodes[1]"))
                .addProperty("code", code)
                .addProperty("reason", string("Why it is invalid, in English words for people"));
    }

    private static Schema problemCodeSchema(String what) {
        Schema code = string(what + ", as a stable machine-readable code; decide on this, not on the words");
        Arrays.stream(ProblemCode.values()).forEach(value -> code.addEnumeration(value.code()));
        return code;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
