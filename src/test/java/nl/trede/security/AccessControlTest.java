package nl.trede.security;

import static nl.trede.Requests.anonymous;
import static nl.trede.Requests.as;
import static nl.trede.Requests.intake;

import io.quarkus.test.junit.QuarkusTest;
import nl.trede.Caller;
import nl.trede.audit.AuditTrailEnd;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deny by default, the role table of the README, and tenancy as a hard boundary. */
@QuarkusTest
class AccessControlTest {

    private static final Set<String> CLIENT_WORK = Set.of(Roles.CASE_SYSTEM, Roles.KLANTMANAGER);
    private static final Map<String, String> ACCOUNT_OF_ROLE = Map.of(
            Roles.CASE_SYSTEM, "case-system-rotterdam",
            Roles.KLANTMANAGER, "klantmanager-rotterdam",
            Roles.DATA_SCIENTIST, "data-scientist-rotterdam",
            Roles.AUDITOR, "auditor-rotterdam",
            Roles.ADMIN, "admin-rotterdam",
            Roles.FAIRNESS_AUDITOR, "fairness-auditor-rotterdam",
            Roles.TEAM_LEAD, "teamleider-rotterdam",
            Roles.OPERATOR, "operator");
    /** Every role but the operator's, which reads only the metrics, and the fairness auditor's, which reads only protected attributes. */
    private static final Set<String> PLANNING = Set.of(Roles.TEAM_LEAD, Roles.ADMIN);
    private static final Map<String, Object> PLAN = Map.of("budgetEuros", 10000,
            "places", List.of(Map.of("interventionCode", "WAGE_SUBSIDY", "places", 1)));

    private static final Set<String> MUNICIPAL_ROLES = Set.of(Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST,
            Roles.AUDITOR, Roles.ADMIN);

    /** Ids of one Rotterdam client's records, made fresh for each test. */
    private record Fixture(String intakeId, String clientId, String decisionId, String runId, String drawId) {
    }

    /** An endpoint, how to call it, and which roles may. */
    private record Endpoint(String name, Set<String> roles, int okStatus,
                            Function<Fixture, Function<RequestSpecification, ValidatableResponse>> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Fixture fixture;

    @BeforeEach
    void oneRotterdamClient() {
        JsonPath created = as("klantmanager-rotterdam").contentType(ContentType.JSON).body(intake())
                .post("/api/v1/intakes").then().statusCode(201).extract().jsonPath();
        String intakeId = created.getString("id");
        as("klantmanager-rotterdam").get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        String decisionId = as("klantmanager-rotterdam").contentType(ContentType.JSON)
                .body(Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER"))
                .post("/api/v1/intakes/" + intakeId + "/decisions").then().statusCode(201).extract().path("id");
        as("teamleider-rotterdam").contentType(ContentType.JSON).body(PLAN).put("/api/v1/capacity-plans/GM0599/2026-Q4").then()
                .statusCode(200);
        String runId = as("teamleider-rotterdam").contentType(ContentType.JSON)
                .body(Map.of("municipalityCode", "GM0599", "period", "2026-Q4", "intakeIds", List.of(intakeId)))
                .post("/api/v1/allocation-runs").then().statusCode(201).extract().path("id");
        as("teamleider-rotterdam").contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/v1/municipalities/GM0599/tie-randomisation").then().statusCode(200);
        String drawId = as("klantmanager-rotterdam").contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/intakes/" + intakeId + "/draws").then().statusCode(201).extract().path("id");
        fixture = new Fixture(intakeId, created.getString("clientId"), decisionId, runId, drawId);
    }

    /** A fresh intake of the fixture's municipality with its advice shown, so that a draw can be made from it once. */
    private static String intakeWithAdviceShown() {
        String intakeId = as("klantmanager-rotterdam").contentType(ContentType.JSON).body(intake()).post("/api/v1/intakes").then()
                .statusCode(201).extract().path("id");
        as("klantmanager-rotterdam").get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        return intakeId;
    }

    static Stream<Endpoint> endpoints() {
        Map<String, Object> outcome = Map.of("observedOn", LocalDate.now().toString(), "status", "NO_CHANGE");
        Map<String, Object> decision = Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER");
        Map<String, Object> profile = Map.of("age", 40);
        return Stream.of(
                new Endpoint("POST /intakes", CLIENT_WORK, 201, f -> r -> r.contentType(ContentType.JSON).body(intake()).post("/api/v1/intakes").then()),
                new Endpoint("GET /intakes/{id}", CLIENT_WORK, 200, f -> r -> r.get("/api/v1/intakes/" + f.intakeId()).then()),
                new Endpoint("GET /intakes/{id}/recommendations", CLIENT_WORK, 200,
                        f -> r -> r.get("/api/v1/intakes/" + f.intakeId() + "/recommendations").then()),
                new Endpoint("POST /intakes/{id}/decisions", CLIENT_WORK, 201,
                        f -> r -> r.contentType(ContentType.JSON).body(decision).post("/api/v1/intakes/" + f.intakeId() + "/decisions").then()),
                new Endpoint("GET /intakes/{id}/decisions/{id}", CLIENT_WORK, 200,
                        f -> r -> r.get("/api/v1/intakes/" + f.intakeId() + "/decisions/" + f.decisionId()).then()),
                new Endpoint("POST /clients/{id}/outcomes", CLIENT_WORK, 201,
                        f -> r -> r.contentType(ContentType.JSON).body(outcome).post("/api/v1/clients/" + f.clientId() + "/outcomes").then()),
                new Endpoint("GET /clients/{id}", CLIENT_WORK, 200, f -> r -> r.get("/api/v1/clients/" + f.clientId()).then()),
                new Endpoint("POST /clients/search", CLIENT_WORK, 404, f -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("clientReference", "nobody", "municipalityCode", "GM0599")).post("/api/v1/clients/search").then()),
                new Endpoint("POST /scores", Set.of(Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST), 200,
                        f -> r -> r.contentType(ContentType.JSON).body(profile).post("/api/v1/scores").then()),
                new Endpoint("POST /advice", Set.of(Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST), 200,
                        f -> r -> r.contentType(ContentType.JSON).body(profile).post("/api/v1/advice").then()),
                new Endpoint("POST /score-batches", Set.of(Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST), 200,
                        f -> r -> r.contentType("application/x-ndjson").body("{\"age\": 40}\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/score-batches").then()),
                new Endpoint("GET /interventions", union(MUNICIPAL_ROLES, Roles.TEAM_LEAD), 200, f -> r -> r.get("/api/v1/interventions").then()),
                new Endpoint("GET /models", union(MUNICIPAL_ROLES, Roles.TEAM_LEAD), 200, f -> r -> r.get("/api/v1/models").then()),
                new Endpoint("GET /override-rates", Set.of(Roles.KLANTMANAGER, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN), 200,
                        f -> r -> r.queryParam("municipalityCode", "GM0599").get("/api/v1/override-rates").then()),
                new Endpoint("GET /audit-trail", Set.of(Roles.AUDITOR), 200, f -> r -> r.get("/api/v1/audit-trail").then()),
                new Endpoint("GET /audit-trail/verification", Set.of(Roles.AUDITOR), 200,
                        f -> r -> r.get("/api/v1/audit-trail/verification").then()),
                new Endpoint("DELETE /clients/{id}/personal-data", Set.of(Roles.ADMIN), 204,
                        f -> r -> r.delete("/api/v1/clients/" + f.clientId() + "/personal-data").then()),
                new Endpoint("PUT /clients/{id}/fairness-attributes", CLIENT_WORK, 204, f -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("gender", "FEMALE")).put("/api/v1/clients/" + f.clientId() + "/fairness-attributes").then()),
                new Endpoint("GET /clients/{id}/fairness-attributes", Set.of(Roles.FAIRNESS_AUDITOR), 404,
                        f -> r -> r.get("/api/v1/clients/" + f.clientId() + "/fairness-attributes").then()),
                new Endpoint("DELETE /clients/{id}/fairness-attributes", CLIENT_WORK, 204,
                        f -> r -> r.delete("/api/v1/clients/" + f.clientId() + "/fairness-attributes").then()),
                new Endpoint("PUT /capacity-plans/{municipality}/{period}", PLANNING, 200, f -> r -> r.contentType(ContentType.JSON)
                        .body(PLAN).put("/api/v1/capacity-plans/GM0599/2026-Q4").then()),
                new Endpoint("GET /capacity-plans/{municipality}/{period}", PLANNING, 200,
                        f -> r -> r.get("/api/v1/capacity-plans/GM0599/2026-Q4").then()),
                new Endpoint("POST /allocation-runs", PLANNING, 201, f -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("municipalityCode", "GM0599", "period", "2026-Q4", "intakeIds", List.of(f.intakeId())))
                        .post("/api/v1/allocation-runs").then()),
                new Endpoint("GET /allocation-runs/{id}", PLANNING, 200, f -> r -> r.get("/api/v1/allocation-runs/" + f.runId()).then()),
                new Endpoint("PUT /municipalities/{municipality}/tie-randomisation", PLANNING, 200, f -> r -> r.contentType(ContentType.JSON)
                        .body(Map.of("enabled", true)).put("/api/v1/municipalities/GM0599/tie-randomisation").then()),
                new Endpoint("GET /municipalities/{municipality}/tie-randomisation", union(MUNICIPAL_ROLES, Roles.TEAM_LEAD), 200,
                        f -> r -> r.get("/api/v1/municipalities/GM0599/tie-randomisation").then()),
                new Endpoint("POST /intakes/{id}/draws", CLIENT_WORK, 201, f -> {
                    String intakeId = intakeWithAdviceShown();
                    return r -> r.contentType(ContentType.JSON).body(Map.of()).post("/api/v1/intakes/" + intakeId + "/draws").then();
                }),
                new Endpoint("GET /intakes/{id}/draws", CLIENT_WORK, 200, f -> r -> r.get("/api/v1/intakes/" + f.intakeId() + "/draws").then()),
                new Endpoint("GET /intakes/{id}/draws/{id}", CLIENT_WORK, 200,
                        f -> r -> r.get("/api/v1/intakes/" + f.intakeId() + "/draws/" + f.drawId()).then()));
    }

    private static Set<String> union(Set<String> roles, String role) {
        Set<String> all = new java.util.HashSet<>(roles);
        all.add(role);
        return all;
    }

    static Stream<Arguments> endpointsAndRoles() {
        return endpoints().flatMap(e -> ACCOUNT_OF_ROLE.keySet().stream().sorted().map(role -> Arguments.of(e, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void eachRoleMayCallExactlyTheEndpointsOfTheRoleTable(Endpoint endpoint, String role) {
        ValidatableResponse response = endpoint.call().apply(fixture).apply(as(ACCOUNT_OF_ROLE.get(role)));
        if (endpoint.roles().contains(role)) {
            response.statusCode(endpoint.okStatus());
        } else {
            response.statusCode(403).contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anonymousCallersAreRefused(Endpoint endpoint) {
        endpoint.call().apply(fixture).apply(anonymous())
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aForgedTokenIsRefused(Endpoint endpoint) {
        endpoint.call().apply(fixture).apply(anonymous().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void openEndpointsNeedNoToken() {
        anonymous().get("/api/v1/openapi.json").then().statusCode(200);
        anonymous().get("/q/health/ready").then().statusCode(200);
        anonymous().get("/api/v1/demo-accounts").then().statusCode(200);
        anonymous().get("/api/v1/intake-fields").then().statusCode(200);
        anonymous().get("/q/metrics").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anotherMunicipalitysRecordsDoNotExistForYou(Endpoint endpoint) {
        if (!endpoint.name().contains("{id}") || !endpoint.roles().contains(Roles.KLANTMANAGER)) {
            return;
        }
        endpoint.call().apply(fixture).apply(as("klantmanager-hoeksche-waard"))
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAdminOfAnotherMunicipalityCannotEraseOurClients() {
        Caller.of(Roles.ADMIN, "GM1963").given().delete("/api/v1/clients/" + fixture.clientId() + "/personal-data")
                .then().statusCode(404).contentType("application/problem+json");
        as("klantmanager-rotterdam").get("/api/v1/clients/" + fixture.clientId()).then().statusCode(200);
    }

    @Test
    void youCannotActForAnotherMunicipalityByNamingItInTheBody() {
        Map<String, Object> body = intake();
        as("klantmanager-hoeksche-waard").contentType(ContentType.JSON).body(body).post("/api/v1/intakes").then()
                .statusCode(403).contentType("application/problem+json");
        as("klantmanager-hoeksche-waard").contentType(ContentType.JSON)
                .body(Map.of("clientReference", body.get("clientReference"), "municipalityCode", "GM0599"))
                .post("/api/v1/clients/search").then().statusCode(403);
        as("klantmanager-hoeksche-waard").queryParam("municipalityCode", "GM0599").get("/api/v1/override-rates").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anAuditorSeesOnlyTheTrailOfTheirOwnMunicipality() {
        long before = AuditTrailEnd.lastSeq();
        Map<String, Object> elsewhere = intake();
        elsewhere.put("municipalityCode", "GM1963");
        as("klantmanager-hoeksche-waard").contentType(ContentType.JSON).body(elsewhere).post("/api/v1/intakes").then().statusCode(201);
        as("klantmanager-rotterdam").contentType(ContentType.JSON).body(intake()).post("/api/v1/intakes").then().statusCode(201);
        List<String> seen = as("auditor-rotterdam").queryParam("afterSeq", before).get("/api/v1/audit-trail").then()
                .statusCode(200).extract().path("items.municipalityCode");
        org.junit.jupiter.api.Assertions.assertTrue(!seen.isEmpty() && seen.stream().allMatch("GM0599"::equals), seen.toString());
    }
}
