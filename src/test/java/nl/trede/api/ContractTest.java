package nl.trede.api;

import static nl.trede.Requests.anonymous;
import static nl.trede.Requests.as;
import static nl.trede.Requests.intake;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.trede.models.ActiveModels;
import nl.trede.models.CandidateVersions;
import nl.trede.models.ModelRegistry;
import nl.trede.scoring.ScoreBatchResource;
import nl.trede.trainingruns.TrainingRunResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the contract: every documented operation is called, on its
 * happy path and with each documented error status a request can provoke, and every answer must
 * have a documented status, a documented content type, the documented headers, and a body that
 * validates against the documented schema (no field the document does not describe).
 */
@QuarkusTest
class ContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = read(Path.of("openapi", "openapi.json"));
    private static final OpenApiSchemaValidator SCHEMAS = new OpenApiSchemaValidator(DOCUMENT);

    private static final String KLANTMANAGER = "klantmanager-rotterdam";
    private static final String CASE_SYSTEM = "case-system-rotterdam";
    private static final String AUDITOR = "auditor-rotterdam";
    private static final String DATA_SCIENTIST = "data-scientist-rotterdam";
    private static final String ADMIN = "admin-rotterdam";
    private static final String FAIRNESS_AUDITOR = "fairness-auditor-rotterdam";
    private static final String TEAM_LEAD = "teamleider-rotterdam";

    /**
     * Documented statuses that no request can provoke, and why. 500 is never provoked on purpose;
     * 503 needs the database gone (bench/database-outage.sh, DatabaseLostAtCommitTest) or the service full, and 429 a
     * caller over its rate limit: OverloadTest provokes both under limits of its own.
     */
    private static final Set<String> NOT_PROVOKABLE = Set.of(
            // every role may read these, so no authenticated caller is refused
            "GET /interventions 403", "GET /models 403", "GET /models/{modelVersion} 403",
            // "in progress" needs a request that is still running; IdempotencyKeyTest holds a claim open to provoke it
            "POST /intakes 409", "POST /clients/{clientId}/outcomes 409", "POST /training-runs 409");

    @Inject
    ModelRegistry registry;
    @Inject
    ActiveModels activeModels;

    private final Set<String> exercised = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();

    @Test
    void everyDocumentedOperationAnswersAsDocumented() {
        String unknown = UUID.randomUUID().toString();

        exchange(anonymous(), "GET", "/openapi.json");
        exchange(anonymous(), "GET", "/demo-accounts");
        exchange(anonymous(), "GET", "/intake-fields");
        exchange(body(anonymous(), Map.of("account", KLANTMANAGER)), "POST", "/demo-tokens");
        exchange(body(anonymous(), Map.of("account", "nobody")), "POST", "/demo-tokens");

        Map<String, Object> full = intake();
        Response created = exchange(body(as(CASE_SYSTEM), full), "POST", "/intakes");
        String intakeId = created.path("id");
        String clientId = created.path("clientId");
        // Only what the schema requires: every left-out field comes back as null and must be declared nullable.
        Map<String, Object> sparse = new HashMap<>(intake());
        sparse.keySet().retainAll(Set.of("clientReference", "municipalityCode"));
        String sparseClientId = exchange(body(as(KLANTMANAGER), sparse), "POST", "/intakes").path("clientId");
        Map<String, Object> invalid = intake();
        invalid.put("age", 12);
        invalid.put("colour", "red");
        exchange(body(as(KLANTMANAGER), invalid), "POST", "/intakes");
        exchange(body(anonymous(), intake()), "POST", "/intakes");
        exchange(body(as(AUDITOR), intake()), "POST", "/intakes");

        String intakeKey = UUID.randomUUID().toString();
        exchange(body(as(CASE_SYSTEM), full).header("Idempotency-Key", intakeKey), "POST", "/intakes");
        exchange(body(as(CASE_SYSTEM), full).header("Idempotency-Key", intakeKey), "POST", "/intakes");
        exchange(body(as(CASE_SYSTEM), intake()).header("Idempotency-Key", intakeKey), "POST", "/intakes");

        everyCaller("GET", "/intakes/{intakeId}", intakeId, unknown);

        String recommendations = "/intakes/{intakeId}/recommendations";
        Response advice = exchange(as(KLANTMANAGER), "GET", recommendations, intakeId);
        exchange(as(KLANTMANAGER).queryParam("horizonMonths", 24), "GET", recommendations, intakeId);
        exchange(as(KLANTMANAGER).queryParam("horizonMonths", 36), "GET", recommendations, intakeId);
        everyCaller("GET", recommendations, intakeId, unknown);

        String decisions = "/intakes/{intakeId}/decisions";
        Map<String, Object> decision = Map.of("interventionCodes", List.of(advice.<String>path("items[0].interventionCode")),
                "klantmanagerId", "km-0412");
        String decisionId = exchange(body(as(KLANTMANAGER), decision), "POST", decisions, intakeId).path("id");
        exchange(body(as(KLANTMANAGER), Map.of("interventionCodes", List.of(), "klantmanagerId", "km-0412")), "POST", decisions, intakeId);
        exchange(body(anonymous(), decision), "POST", decisions, intakeId);
        exchange(body(as(AUDITOR), decision), "POST", decisions, intakeId);
        exchange(body(as(KLANTMANAGER), decision), "POST", decisions, unknown);
        String adviceNeverShown = exchange(body(as(CASE_SYSTEM), intake()), "POST", "/intakes").path("id");
        exchange(body(as(KLANTMANAGER), decision), "POST", decisions, adviceNeverShown);
        String decisionKey = UUID.randomUUID().toString();
        exchange(body(as(KLANTMANAGER), decision).header("Idempotency-Key", decisionKey), "POST", decisions, intakeId);
        exchange(body(as(KLANTMANAGER), decision).header("Idempotency-Key", decisionKey), "POST", decisions, intakeId);
        exchange(body(as(KLANTMANAGER), decision).header("Idempotency-Key", decisionKey), "POST", decisions, adviceNeverShown);

        String oneDecision = "/intakes/{intakeId}/decisions/{decisionId}";
        exchange(as(KLANTMANAGER), "GET", oneDecision, intakeId, decisionId);
        exchange(anonymous(), "GET", oneDecision, intakeId, decisionId);
        exchange(as(AUDITOR), "GET", oneDecision, intakeId, decisionId);
        exchange(as(KLANTMANAGER), "GET", oneDecision, intakeId, unknown);

        String outcomes = "/clients/{clientId}/outcomes";
        Map<String, Object> outcome = Map.of("observedOn", LocalDate.now().toString(), "status", "PAID_WORK", "hoursPerWeek", 24);
        exchange(body(as(KLANTMANAGER), outcome), "POST", outcomes, clientId);
        exchange(body(as(KLANTMANAGER), Map.of("observedOn", LocalDate.now().toString(), "status", "RICH")), "POST", outcomes, clientId);
        exchange(body(anonymous(), outcome), "POST", outcomes, clientId);
        exchange(body(as(AUDITOR), outcome), "POST", outcomes, clientId);
        exchange(body(as(KLANTMANAGER), outcome), "POST", outcomes, unknown);
        String outcomeKey = UUID.randomUUID().toString();
        exchange(body(as(KLANTMANAGER), outcome).header("Idempotency-Key", outcomeKey), "POST", outcomes, clientId);
        exchange(body(as(KLANTMANAGER), outcome).header("Idempotency-Key", outcomeKey), "POST", outcomes, clientId);
        exchange(body(as(KLANTMANAGER), outcome).header("Idempotency-Key", outcomeKey), "POST", outcomes, sparseClientId);

        // The history holds every kind of timeline event by now.
        everyCaller("GET", "/clients/{clientId}", clientId, unknown);

        Map<String, Object> search = Map.of("clientReference", full.get("clientReference"), "municipalityCode", "GM0599");
        exchange(body(as(KLANTMANAGER), search), "POST", "/clients/search");
        exchange(body(as(KLANTMANAGER), Map.of("clientReference", "NEVER-SEEN", "municipalityCode", "GM0599")), "POST", "/clients/search");
        exchange(body(as(KLANTMANAGER), Map.of("clientReference", "")), "POST", "/clients/search");
        exchange(body(anonymous(), search), "POST", "/clients/search");
        exchange(body(as(AUDITOR), search), "POST", "/clients/search");

        exchange(as(KLANTMANAGER), "GET", "/interventions");
        exchange(anonymous(), "GET", "/interventions");

        Map<String, Object> profile = intake();
        profile.remove("clientReference");
        profile.remove("municipalityCode");
        exchange(body(as(DATA_SCIENTIST), profile), "POST", "/scores");
        exchange(body(as(DATA_SCIENTIST), Map.of("motivation", 9)), "POST", "/scores");
        exchange(body(anonymous(), profile), "POST", "/scores");
        exchange(body(as(AUDITOR), profile), "POST", "/scores");
        exchange(body(as(CASE_SYSTEM), profile), "POST", "/advice");
        exchange(body(as(CASE_SYSTEM), Map.of("motivation", 9)), "POST", "/advice");
        exchange(body(anonymous(), profile), "POST", "/advice");
        exchange(body(as(AUDITOR), profile), "POST", "/advice");
        exchange(as(CASE_SYSTEM).contentType("application/x-ndjson").body("{\"age\": 34}\n".getBytes(StandardCharsets.UTF_8)), "POST", "/score-batches");
        exchange(as(CASE_SYSTEM).contentType("application/x-ndjson").body("\n".getBytes(StandardCharsets.UTF_8)), "POST", "/score-batches");
        exchange(anonymous().contentType("application/x-ndjson").body("{\"age\": 34}\n".getBytes(StandardCharsets.UTF_8)), "POST", "/score-batches");
        exchange(as(AUDITOR).contentType("application/x-ndjson").body("{\"age\": 34}\n".getBytes(StandardCharsets.UTF_8)), "POST", "/score-batches");

        String modelVersion = exchange(as(DATA_SCIENTIST), "GET", "/models").path("cards[0].modelVersion");
        exchange(anonymous(), "GET", "/models");
        exchange(as(DATA_SCIENTIST), "GET", "/models/{modelVersion}", modelVersion);
        exchange(as(DATA_SCIENTIST), "GET", "/models/{modelVersion}", "no-such-model");
        exchange(anonymous(), "GET", "/models/{modelVersion}", modelVersion);
        exerciseTheRegistry(unknown);

        exchange(as(KLANTMANAGER).queryParam("municipalityCode", "GM0599"), "GET", "/override-rates");
        exchange(as(KLANTMANAGER).queryParam("municipalityCode", "GM0599").queryParam("period", "WEEK"), "GET", "/override-rates");
        exchange(as(KLANTMANAGER).queryParam("municipalityCode", "GM0599").queryParam("period", "YEAR"), "GET", "/override-rates");
        exchange(anonymous().queryParam("municipalityCode", "GM0599"), "GET", "/override-rates");
        exchange(as(CASE_SYSTEM).queryParam("municipalityCode", "GM0599"), "GET", "/override-rates");

        exchange(as(AUDITOR).queryParam("limit", 5), "GET", "/audit-trail");
        exchange(as(AUDITOR).queryParam("limit", "many"), "GET", "/audit-trail");
        exchange(anonymous(), "GET", "/audit-trail");
        exchange(as(KLANTMANAGER), "GET", "/audit-trail");
        exchange(as(AUDITOR), "GET", "/audit-trail/verification");
        exchange(anonymous(), "GET", "/audit-trail/verification");
        exchange(as(KLANTMANAGER), "GET", "/audit-trail/verification");

        String fairness = "/clients/{clientId}/fairness-attributes";
        Map<String, Object> attributes = Map.of("gender", "FEMALE", "migrationBackground", "EUROPE");
        exchange(as(FAIRNESS_AUDITOR), "GET", fairness, clientId);
        exchange(body(as(CASE_SYSTEM), attributes), "PUT", fairness, clientId);
        exchange(body(as(CASE_SYSTEM), Map.of("gender", "UNSTATED")), "PUT", fairness, clientId);
        exchange(body(anonymous(), attributes), "PUT", fairness, clientId);
        exchange(body(as(AUDITOR), attributes), "PUT", fairness, clientId);
        exchange(body(as(CASE_SYSTEM), attributes), "PUT", fairness, unknown);
        exchange(as(FAIRNESS_AUDITOR), "GET", fairness, clientId);
        exchange(anonymous(), "GET", fairness, clientId);
        exchange(as(CASE_SYSTEM), "GET", fairness, clientId);
        exchange(as(CASE_SYSTEM), "DELETE", fairness, clientId);
        exchange(anonymous(), "DELETE", fairness, clientId);
        exchange(as(AUDITOR), "DELETE", fairness, clientId);
        exchange(as(CASE_SYSTEM), "DELETE", fairness, unknown);

        exchange(as(DATA_SCIENTIST).queryParam("municipalityCode", "GM0599"), "GET", "/training-data");
        exchange(as(DATA_SCIENTIST).queryParam("municipalityCode", "Rotterdam"), "GET", "/training-data");
        exchange(anonymous().queryParam("municipalityCode", "GM0599"), "GET", "/training-data");
        exchange(as(KLANTMANAGER).queryParam("municipalityCode", "GM0599"), "GET", "/training-data");

        Map<String, Object> trainingRun = Map.of("municipalityCode", "GM0599", "settings", Map.of("folds", 2));
        String trainingRunKey = UUID.randomUUID().toString();
        String trainingRunId = exchange(body(as(DATA_SCIENTIST), trainingRun).header("Idempotency-Key", trainingRunKey), "POST",
                "/training-runs").path("id");
        exchange(body(as(DATA_SCIENTIST), trainingRun).header("Idempotency-Key", trainingRunKey), "POST", "/training-runs");
        exchange(body(as(DATA_SCIENTIST), Map.of("municipalityCode", "GM0599")).header("Idempotency-Key", trainingRunKey), "POST",
                "/training-runs");
        exchange(body(as(DATA_SCIENTIST), Map.of("municipalityCode", "Rotterdam")), "POST", "/training-runs");
        exchange(body(anonymous(), trainingRun), "POST", "/training-runs");
        exchange(body(as(KLANTMANAGER), trainingRun), "POST", "/training-runs");
        exchange(as(DATA_SCIENTIST), "GET", "/training-runs/{runId}", trainingRunId);
        exchange(anonymous(), "GET", "/training-runs/{runId}", trainingRunId);
        exchange(as(KLANTMANAGER), "GET", "/training-runs/{runId}", trainingRunId);
        exchange(as(DATA_SCIENTIST), "GET", "/training-runs/{runId}", unknown);
        exchange(as(DATA_SCIENTIST), "GET", "/training-runs");
        exchange(anonymous(), "GET", "/training-runs");
        exchange(as(KLANTMANAGER), "GET", "/training-runs");

        String plan = "/capacity-plans/{municipalityCode}/{period}";
        Map<String, Object> places = Map.of("budgetEuros", 30000, "places", List.of(Map.of("interventionCode", "WAGE_SUBSIDY", "places", 1),
                Map.of("interventionCode", "JOB_SEARCH_ASSISTANCE", "places", 2, "costEuros", 1100)));
        exchange(body(as(TEAM_LEAD), places), "PUT", plan, "GM0599", "2026-Q4");
        exchange(body(as(TEAM_LEAD), Map.of("budgetEuros", 1, "places", List.of(Map.of("interventionCode", "NONE", "places", 1)))),
                "PUT", plan, "GM0599", "2026-Q4");
        exchange(body(anonymous(), places), "PUT", plan, "GM0599", "2026-Q4");
        exchange(body(as(KLANTMANAGER), places), "PUT", plan, "GM0599", "2026-Q4");
        exchange(body(as(TEAM_LEAD), places), "PUT", plan, "GM0599", "2026-Q9");
        exchange(as(TEAM_LEAD), "GET", plan, "GM0599", "2026-Q4");
        exchange(anonymous(), "GET", plan, "GM0599", "2026-Q4");
        exchange(as(KLANTMANAGER), "GET", plan, "GM0599", "2026-Q4");
        exchange(as(TEAM_LEAD), "GET", plan, "GM0599", "1999-Q1");

        Map<String, Object> run = Map.of("municipalityCode", "GM0599", "period", "2026-Q4", "intakeIds", List.of(intakeId));
        String runId = exchange(body(as(TEAM_LEAD), run), "POST", "/allocation-runs").path("id");
        String runKey = UUID.randomUUID().toString();
        exchange(body(as(TEAM_LEAD), run).header("Idempotency-Key", runKey), "POST", "/allocation-runs");
        exchange(body(as(TEAM_LEAD), run).header("Idempotency-Key", runKey), "POST", "/allocation-runs");
        exchange(body(as(TEAM_LEAD), Map.of("municipalityCode", "GM0599", "period", "2026-Q1")).header("Idempotency-Key", runKey),
                "POST", "/allocation-runs");
        exchange(body(as(TEAM_LEAD), Map.of("municipalityCode", "GM0599", "period", "Q4")), "POST", "/allocation-runs");
        exchange(body(anonymous(), run), "POST", "/allocation-runs");
        exchange(body(as(KLANTMANAGER), run), "POST", "/allocation-runs");
        exchange(body(as(TEAM_LEAD), Map.of("municipalityCode", "GM0599", "period", "1999-Q1")), "POST", "/allocation-runs");
        exchange(as(TEAM_LEAD), "GET", "/allocation-runs/{runId}", runId);
        exchange(anonymous(), "GET", "/allocation-runs/{runId}", runId);
        exchange(as(KLANTMANAGER), "GET", "/allocation-runs/{runId}", runId);
        exchange(as(TEAM_LEAD), "GET", "/allocation-runs/{runId}", unknown);

        exerciseTieDraws(unknown);

        String erasure = "/clients/{clientId}/personal-data";
        exchange(anonymous(), "DELETE", erasure, sparseClientId);
        exchange(as(KLANTMANAGER), "DELETE", erasure, sparseClientId);
        exchange(as(ADMIN), "DELETE", erasure, unknown);
        exchange(as(ADMIN), "DELETE", erasure, sparseClientId);

        oversizedBodies();

        assertEquals(List.of(), violations, "answers that break the committed OpenAPI document");
        Set<String> neverSeen = documentedStatuses();
        neverSeen.removeAll(exercised);
        assertEquals(Set.of(), neverSeen, "documented statuses that this test never provoked");
    }

    /** The municipality's switch for randomisation among tied options, and a draw with each of its refusals. */
    private void exerciseTieDraws(String unknown) {
        String setting = "/municipalities/{municipalityCode}/tie-randomisation";
        exchange(body(as(TEAM_LEAD), Map.of("enabled", true)), "PUT", setting, "GM0599");
        exchange(body(as(TEAM_LEAD), Map.of("enabled", "yes")), "PUT", setting, "GM0599");
        exchange(body(anonymous(), Map.of("enabled", true)), "PUT", setting, "GM0599");
        exchange(body(as(KLANTMANAGER), Map.of("enabled", true)), "PUT", setting, "GM0599");
        exchange(body(as(TEAM_LEAD), Map.of("enabled", true)), "PUT", setting, "Rotterdam");
        exchange(as(KLANTMANAGER), "GET", setting, "GM0599");
        exchange(as(KLANTMANAGER).queryParam("at", "2000-01-01T00:00:00Z"), "GET", setting, "GM0599");
        exchange(as(KLANTMANAGER).queryParam("at", "yesterday"), "GET", setting, "GM0599");
        exchange(anonymous(), "GET", setting, "GM0599");
        exchange(as(FAIRNESS_AUDITOR), "GET", setting, "GM0599");
        exchange(as(KLANTMANAGER), "GET", setting, "Rotterdam");

        String intakeId = exchange(body(as(KLANTMANAGER), intake()), "POST", "/intakes").path("id");
        exchange(as(KLANTMANAGER), "GET", "/intakes/{intakeId}/recommendations", intakeId);
        String draws = "/intakes/{intakeId}/draws";
        String drawKey = UUID.randomUUID().toString();
        String drawId = exchange(body(as(KLANTMANAGER), Map.of()).header("Idempotency-Key", drawKey), "POST", draws, intakeId).path("id");
        exchange(body(as(KLANTMANAGER), Map.of()).header("Idempotency-Key", drawKey), "POST", draws, intakeId);
        exchange(body(as(KLANTMANAGER), Map.of("excluded", List.of("NONE"))).header("Idempotency-Key", drawKey), "POST", draws, intakeId);
        exchange(body(as(KLANTMANAGER), Map.of()), "POST", draws, intakeId);
        exchange(body(as(KLANTMANAGER), Map.of("colour", "red")), "POST", draws, intakeId);
        exchange(body(anonymous(), Map.of()), "POST", draws, intakeId);
        exchange(body(as(AUDITOR), Map.of()), "POST", draws, intakeId);
        exchange(body(as(KLANTMANAGER), Map.of()), "POST", draws, unknown);
        everyCaller("GET", draws, intakeId, unknown);
        String oneDraw = "/intakes/{intakeId}/draws/{drawId}";
        exchange(as(KLANTMANAGER), "GET", oneDraw, intakeId, drawId);
        exchange(anonymous(), "GET", oneDraw, intakeId, drawId);
        exchange(as(AUDITOR), "GET", oneDraw, intakeId, drawId);
        exchange(as(KLANTMANAGER), "GET", oneDraw, intakeId, unknown);
        // The decision names the draw, and its answer carries it.
        exchange(body(as(KLANTMANAGER), Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-0412", "drawId", drawId,
                "reasonCode", "OTHER")), "POST", "/intakes/{intakeId}/decisions", intakeId);
    }

    /** Every operation that takes a body refuses one over its limit (trede.limits.*) with 413, before reading it. */
    private void oversizedBodies() {
        String oversizedSingle = "{\"note\": \"" + "x".repeat(70_000) + "\"}";
        String oversizedBatch = "x".repeat((int) ConfigProvider.getConfig()
                .getValue("trede.limits.max-batch-body-size", MemorySize.class).asLongValue() + 1);
        DOCUMENT.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().has("requestBody")) {
                String template = path.getKey();
                String oversized = template.equals(ScoreBatchResource.PATH) || template.equals(TrainingRunResource.PATH)
                        ? oversizedBatch : oversizedSingle;
                Object[] ids = Pattern.compile("\\{[^}]+}").matcher(template).results().map(id -> UUID.randomUUID().toString()).toArray();
                exchange(anonymous().contentType(ContentType.JSON).body(oversized), operation.getKey().toUpperCase(), template, ids);
            }
        }));
    }

    /** The check must fail when the service returns a field the document does not describe. */
    @Test
    void aFieldTheDocumentDoesNotDescribeFailsTheCheck() {
        ObjectNode catalogue = (ObjectNode) read(as(KLANTMANAGER).get("/api/v1/interventions").then().statusCode(200).extract().asString());
        JsonNode schema = DOCUMENT.at("/paths/~1interventions/get/responses/200/content/application~1json/schema");
        assertEquals(List.of(), SCHEMAS.validate(catalogue, schema));
        ((ObjectNode) catalogue.path("items").get(0)).put("internalScore", 0.7);
        assertEquals(List.of("$.items[0]: field 'internalScore' is not in the schema"), SCHEMAS.validate(catalogue, schema));
    }

    /** Promotion, rejection, shadow and rollback, each with its refusals; the active version is the same afterwards. */
    private void exerciseTheRegistry(String unknown) {
        long start = registry.pointer().active();
        long candidate = CandidateVersions.register(registry, true);
        long bare = CandidateVersions.register(registry, false);
        exchange(as(DATA_SCIENTIST), "GET", "/models/active");
        exchange(as(DATA_SCIENTIST).queryParam("at", "yesterday"), "GET", "/models/active");
        exchange(as(DATA_SCIENTIST).queryParam("at", "2000-01-01T00:00:00Z"), "GET", "/models/active");
        exchange(anonymous(), "GET", "/models/active");
        exchange(as(FAIRNESS_AUDITOR), "GET", "/models/active");

        String report = "/models/{version}/report";
        exchange(as(DATA_SCIENTIST).accept(ContentType.JSON), "GET", report, candidate);
        exchange(as(DATA_SCIENTIST).accept(ContentType.HTML), "GET", report, candidate);
        exchange(as(DATA_SCIENTIST), "GET", report, "latest");
        exchange(as(DATA_SCIENTIST), "GET", report, bare);
        exchange(anonymous(), "GET", report, candidate);
        exchange(as(FAIRNESS_AUDITOR), "GET", report, candidate);

        String promotions = "/models/promotions";
        Map<String, Object> proposal = Map.of("version", candidate, "reason", "better calibrated");
        String promotionId = exchange(body(as(DATA_SCIENTIST), proposal), "POST", promotions).path("id");
        String rejectedId = exchange(body(as(DATA_SCIENTIST), proposal), "POST", promotions).path("id");
        exchange(body(as(DATA_SCIENTIST), Map.of("version", "two")), "POST", promotions);
        exchange(body(anonymous(), proposal), "POST", promotions);
        exchange(body(as(ADMIN), proposal), "POST", promotions);
        exchange(body(as(DATA_SCIENTIST), Map.of("version", 999_999_999, "reason", "x")), "POST", promotions);
        exchange(body(as(DATA_SCIENTIST), Map.of("version", bare, "reason", "x")), "POST", promotions);
        String promotionKey = UUID.randomUUID().toString();
        exchange(body(as(DATA_SCIENTIST), proposal).header("Idempotency-Key", promotionKey), "POST", promotions);
        exchange(body(as(DATA_SCIENTIST), Map.of("version", candidate, "reason", "other")).header("Idempotency-Key", promotionKey),
                "POST", promotions);
        exchange(as(ADMIN), "GET", promotions);
        exchange(anonymous(), "GET", promotions);
        exchange(as(KLANTMANAGER), "GET", promotions);
        exchange(as(ADMIN), "GET", "/models/promotions/{promotionId}", promotionId);
        exchange(anonymous(), "GET", "/models/promotions/{promotionId}", promotionId);
        exchange(as(KLANTMANAGER), "GET", "/models/promotions/{promotionId}", promotionId);
        exchange(as(ADMIN), "GET", "/models/promotions/{promotionId}", unknown);

        String shadow = "/models/shadow";
        exchange(body(as(DATA_SCIENTIST), Map.of("version", candidate, "reason", "compare")), "PUT", shadow);
        exchange(body(as(DATA_SCIENTIST), Map.of("reason", "compare")), "PUT", shadow);
        exchange(body(anonymous(), Map.of("version", candidate, "reason", "compare")), "PUT", shadow);
        exchange(body(as(ADMIN), Map.of("version", candidate, "reason", "compare")), "PUT", shadow);
        exchange(body(as(DATA_SCIENTIST), Map.of("version", 999_999_999, "reason", "compare")), "PUT", shadow);
        exchange(body(as(DATA_SCIENTIST), Map.of("version", start, "reason", "compare")), "PUT", shadow);
        String comparison = "/models/shadow/comparison";
        exchange(as(DATA_SCIENTIST), "GET", comparison);
        exchange(as(DATA_SCIENTIST).queryParam("version", "two"), "GET", comparison);
        exchange(as(DATA_SCIENTIST).queryParam("version", 999_999_999), "GET", comparison);
        exchange(anonymous(), "GET", comparison);
        exchange(as(KLANTMANAGER), "GET", comparison);
        exchange(anonymous(), "DELETE", shadow);
        exchange(as(KLANTMANAGER), "DELETE", shadow);
        exchange(as(DATA_SCIENTIST), "DELETE", shadow);
        exchange(as(DATA_SCIENTIST), "DELETE", shadow);

        Map<String, Object> reason = Map.of("reason", "report reviewed");
        for (String decision : List.of("/models/promotions/{promotionId}/rejection", "/models/promotions/{promotionId}/approval")) {
            String id = decision.endsWith("rejection") ? rejectedId : promotionId;
            exchange(body(as(ADMIN), Map.of()), "POST", decision, id);
            exchange(body(anonymous(), reason), "POST", decision, id);
            exchange(body(as(DATA_SCIENTIST), reason), "POST", decision, id);
            exchange(body(as(ADMIN), reason), "POST", decision, unknown);
            exchange(body(as(ADMIN), reason), "POST", decision, id);
            exchange(body(as(ADMIN), reason), "POST", decision, id);
        }

        String rollbacks = "/models/rollbacks";
        exchange(body(as(ADMIN), Map.of("version", 0)), "POST", rollbacks);
        exchange(body(anonymous(), reason), "POST", rollbacks);
        exchange(body(as(DATA_SCIENTIST), reason), "POST", rollbacks);
        exchange(body(as(ADMIN), Map.of("version", 999_999_999, "reason", "x")), "POST", rollbacks);
        exchange(body(as(ADMIN), Map.of("version", bare, "reason", "x")), "POST", rollbacks);
        exchange(body(as(ADMIN), Map.of("version", start, "reason", "back")), "POST", rollbacks);
        assertEquals(start, registry.pointer().active(), "the contract test leaves the version it found active");
        activeModels.follow();
    }

    /** Calls each documented status of an id-addressed read: the caller's own, anonymous, a role without access, an unknown id. */
    private void everyCaller(String method, String template, String id, String unknownId) {
        exchange(as(KLANTMANAGER), method, template, id);
        exchange(anonymous(), method, template, id);
        exchange(as(AUDITOR), method, template, id);
        exchange(as(KLANTMANAGER), method, template, unknownId);
    }

    private static RequestSpecification body(RequestSpecification request, Object body) {
        return request.contentType(ContentType.JSON).body(body);
    }

    private Response exchange(RequestSpecification request, String method, String template, Object... pathValues) {
        Response response = request.request(method, "/api/v1" + template, pathValues);
        String status = String.valueOf(response.statusCode());
        String call = method + " " + template + " " + status;
        exercised.add(call);
        JsonNode documented = DOCUMENT.path("paths").path(template).path(method.toLowerCase()).path("responses").path(status);
        if (documented.isMissingNode()) {
            violations.add(call + ": status not documented");
            return response;
        }
        // A header the document marks "required": false is sent only sometimes (Idempotent-Replayed on a replay).
        documented.path("headers").fields().forEachRemaining(header -> {
            if (header.getValue().path("required").asBoolean(true) && response.header(header.getKey()) == null) {
                violations.add(call + ": documented header " + header.getKey() + " missing");
            }
        });
        String body = response.asString();
        JsonNode content = documented.path("content");
        if (content.isEmpty()) {
            if (!body.isEmpty()) {
                violations.add(call + ": a body where the document has none");
            }
            return response;
        }
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        if (!content.has(type)) {
            violations.add(call + ": content type '" + type + "' not documented (" + content.fieldNames().next() + ")");
            return response;
        }
        if (!type.endsWith("json")) {
            return response; // CSV and JSON lines are documented as text: there is no JSON to check
        }
        SCHEMAS.validate(read(body), content.get(type).path("schema")).forEach(error -> violations.add(call + ": " + error));
        return response;
    }

    private static Set<String> documentedStatuses() {
        Set<String> statuses = new TreeSet<>();
        DOCUMENT.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fieldNames().forEachRemaining(status ->
                        statuses.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + status))));
        statuses.removeIf(status -> status.endsWith(" 500") || status.endsWith(" 503") || status.endsWith(" 429")
                || NOT_PROVOKABLE.contains(status));
        return statuses;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
