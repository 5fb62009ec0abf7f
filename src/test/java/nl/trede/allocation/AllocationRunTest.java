package nl.trede.allocation;

import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.trede.Caller;
import nl.trede.audit.AuditEntry;
import nl.trede.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationRunTest {

    /** Used by no other test, so the open caseload is exactly what this class made. */
    private static final String MUNICIPALITY = "GM0990";
    private static final Caller TEAM_LEAD = Caller.of(Roles.TEAM_LEAD, MUNICIPALITY);
    private static final Caller KLANTMANAGER = Caller.klantmanagerOf(MUNICIPALITY);
    /** The open caseload of this municipality is made by one test alone. */
    private static final String CASELOAD_MUNICIPALITY = "GM0991";

    private static final List<Map<String, Object>> PLACES = List.of(
            Map.of("interventionCode", "WAGE_SUBSIDY", "places", 2),
            Map.of("interventionCode", "JOB_COACHING", "places", 1, "costEuros", 2800),
            Map.of("interventionCode", "ON_THE_JOB_TRAINING", "places", 2),
            Map.of("interventionCode", "DEBT_COUNSELLING", "places", 5));

    private static io.restassured.response.ValidatableResponse put(Caller caller, String path, Object body) {
        return caller.given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    /** A varied caseload: long-term unemployed, health limits, debts, low language level. */
    private static List<String> caseload(Caller klantmanager, int size) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> body = intake();
            body.put("age", 22 + 3 * i);
            body.put("monthsOnBenefit", 3 + 7 * i);
            body.put("healthLimitation", List.of("NONE", "SOME", "SEVERE").get(i % 3));
            body.put("problematicDebts", i % 2 == 0);
            body.put("dutchLanguageLevel", List.of("A1", "B1", "C1").get(i % 3));
            body.put("motivation", 1 + i % 5);
            ids.add(klantmanager.createIntake(body));
        }
        return ids;
    }

    @Test
    void aTeamLeadSetsThePlanOfAPeriodAndEachChangeIsANewAuditedVersion() {
        String path = "/api/v1/capacity-plans/" + MUNICIPALITY + "/2027-Q1";
        String first = put(TEAM_LEAD, path, Map.of("budgetEuros", 50000, "places", PLACES)).statusCode(200)
                .body("version", equalTo(1), "period", equalTo("2027-Q1"), "budgetEuros", equalTo(50000f),
                        "places.find { it.interventionCode == 'WAGE_SUBSIDY' }.costEuros", equalTo(8000f),
                        "places.find { it.interventionCode == 'JOB_COACHING' }.costEuros", equalTo(2800f))
                .extract().path("id");
        put(TEAM_LEAD, path, Map.of("budgetEuros", 60000, "places", PLACES.subList(0, 1))).statusCode(200).body("version", equalTo(2));
        TEAM_LEAD.given().get(path).then().statusCode(200)
                .body("version", equalTo(2), "budgetEuros", equalTo(60000f), "places.interventionCode", contains("WAGE_SUBSIDY"));
        assertEquals(1, AuditEntry.count("resourceType = ?1 and resourceId = ?2 and action = 'CREATE'", CapacityPlanService.RESOURCE, first));
    }

    @Test
    void aPlanNamesOnlyCatalogueInterventionsOnceAndEveryInvalidPlaceIsListed() {
        List<Map<String, Object>> places = List.of(
                Map.of("interventionCode", "NONE", "places", 3),
                Map.of("interventionCode", "WAGE_SUBSIDY", "places", 2),
                Map.of("interventionCode", "WAGE_SUBSIDY", "places", 1),
                Map.of("interventionCode", "MAGIC", "places", 1));
        put(TEAM_LEAD, "/api/v1/capacity-plans/" + MUNICIPALITY + "/2027-Q2", Map.of("budgetEuros", 1000, "places", places))
                .statusCode(400)
                .body("invalidParams.name", containsInAnyOrder("places[0].interventionCode", "places[2].interventionCode",
                                "places[3].interventionCode"),
                        "invalidParams.code", containsInAnyOrder("invalid_value", "duplicate", "invalid_value"));
        put(TEAM_LEAD, "/api/v1/capacity-plans/" + MUNICIPALITY + "/2027-Q2",
                Map.of("budgetEuros", -1, "places", List.of(Map.of("interventionCode", "WAGE_SUBSIDY", "places", -2))))
                .statusCode(400).body("invalidParams.code", containsInAnyOrder("out_of_range", "out_of_range"));
        TEAM_LEAD.given().get("/api/v1/capacity-plans/" + MUNICIPALITY + "/2027-Q5").then().statusCode(404);
        TEAM_LEAD.given().get("/api/v1/capacity-plans/" + MUNICIPALITY + "/2030-Q3").then().statusCode(404);
        put(TEAM_LEAD, "/api/v1/capacity-plans/GM0599/2027-Q2", Map.of("budgetEuros", 1000, "places", List.of())).statusCode(403);
        put(KLANTMANAGER, "/api/v1/capacity-plans/" + MUNICIPALITY + "/2027-Q2", Map.of("budgetEuros", 1000, "places", List.of()))
                .statusCode(403);
    }

    @Test
    void aRunFillsNoMorePlacesThanThereAreStaysWithinTheBudgetAndIsStored() {
        Caller klantmanager = Caller.klantmanagerOf(CASELOAD_MUNICIPALITY);
        Caller teamLead = Caller.of(Roles.TEAM_LEAD, CASELOAD_MUNICIPALITY);
        List<String> cohort = caseload(klantmanager, 12);
        // A decided intake is not open: it is left out of the cohort.
        String decided = cohort.get(0);
        klantmanager.given().get("/api/v1/intakes/" + decided + "/recommendations").then().statusCode(200);
        klantmanager.post("/api/v1/intakes/" + decided + "/decisions",
                Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-1", "reasonCode", "OTHER")).statusCode(201);
        put(teamLead, "/api/v1/capacity-plans/" + CASELOAD_MUNICIPALITY + "/2027-Q3", Map.of("budgetEuros", 20000, "places", PLACES))
                .statusCode(200);

        String location = teamLead.post("/api/v1/allocation-runs", Map.of("municipalityCode", CASELOAD_MUNICIPALITY, "period", "2027-Q3",
                "horizonMonths", 24)).statusCode(201).body("proposals", nullValue()).extract().header("Location");
        JsonPath run = teamLead.given().get(location).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> proposals = run.getList("proposals");
        assertEquals(cohort.size() - 1, proposals.size());
        assertTrue(proposals.stream().noneMatch(p -> p.get("intakeId").equals(decided)));
        Map<String, Integer> places = Map.of("WAGE_SUBSIDY", 2, "JOB_COACHING", 1, "ON_THE_JOB_TRAINING", 2, "DEBT_COUNSELLING", 5);
        Map<String, Integer> used = new HashMap<>();
        double effects = 0;
        for (Map<String, Object> p : proposals) {
            String code = (String) p.get("interventionCode");
            used.merge(code, 1, Integer::sum);
            assertTrue(code.equals("NONE") || places.containsKey(code), code + " is not on offer");
            if (!code.equals("NONE")) {
                assertEligibleWithHistory(klantmanager, (String) p.get("intakeId"), code);
            }
            effects += ((Number) ((Map<?, ?>) p.get("expectedEffect")).get("pointEstimate")).doubleValue();
        }
        places.forEach((code, n) -> assertTrue(used.getOrDefault(code, 0) <= n, code));
        double cost = run.getDouble("summary.costEuros");
        assertTrue(cost <= 20000, "cost " + cost);
        assertEquals(cost, used.getOrDefault("WAGE_SUBSIDY", 0) * 8000.0 + used.getOrDefault("JOB_COACHING", 0) * 2800.0
                + used.getOrDefault("ON_THE_JOB_TRAINING", 0) * 3500.0 + used.getOrDefault("DEBT_COUNSELLING", 0) * 1500.0, 1e-6);
        double gain = run.getDouble("summary.expectedGain.placements");
        assertEquals(effects / 100, gain, 1e-4);
        assertTrue(run.getDouble("summary.expectedGain.lower") <= gain && gain <= run.getDouble("summary.expectedGain.upper"));
        assertTrue(run.getDouble("summary.bestPossiblePlacements") >= gain - 1e-9);
        assertEquals(Arrays.asList("WAGE_SUBSIDY", "JOB_COACHING", "ON_THE_JOB_TRAINING", "DEBT_COUNSELLING", null),
                run.getList("summary.shadowPrices.interventionCode"));
        List<Float> curve = run.getList("summary.gainAgainstBudget.placements");
        for (int b = 1; b < curve.size(); b++) {
            assertTrue(curve.get(b) >= curve.get(b - 1) - 1e-6, "the gain never falls as the budget grows: " + curve);
        }
        assertEquals(0f, curve.get(0));

        String id = run.getString("id");
        teamLead.given().get("/api/v1/allocation-runs/" + id).then().statusCode(200)
                .body("summary.expectedGain.placements", equalTo((float) gain), "proposals.intakeId", not(hasItem(decided)),
                        "capacityPlanVersion", equalTo(1), "horizonMonths", equalTo(24));
        Caller.of(Roles.TEAM_LEAD, "GM0599").given().get("/api/v1/allocation-runs/" + id).then().statusCode(404);
        assertEquals(1, AuditEntry.count("resourceType = ?1 and resourceId = ?2 and action = 'CREATE'", AllocationRunService.RESOURCE, id));
    }

    @Test
    void aListedCohortMustBeTheMunicipalitysIntakesAndAPeriodWithoutAPlanCannotBeRun() {
        List<String> cohort = caseload(KLANTMANAGER, 2);
        put(TEAM_LEAD, "/api/v1/capacity-plans/" + MUNICIPALITY + "/2027-Q4", Map.of("budgetEuros", 9000, "places", PLACES))
                .statusCode(200);
        String otherMunicipalitys = Caller.klantmanagerOf("GM0599").createIntake(intake());
        TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", MUNICIPALITY, "period", "2027-Q4",
                        "intakeIds", List.of(cohort.get(0), otherMunicipalitys, cohort.get(0))))
                .statusCode(400).body("invalidParams.name", contains("intakeIds[1]", "intakeIds[2]"),
                        "invalidParams.code", contains("unknown_reference", "duplicate"));
        String location = TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", MUNICIPALITY, "period", "2027-Q4",
                        "intakeIds", cohort)).statusCode(201).extract().header("Location");
        TEAM_LEAD.given().get(location).then().statusCode(200)
                .body("proposals.intakeId", contains(cohort.get(0), cohort.get(1)), "summary.cohortSize", equalTo(2));
        TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", MUNICIPALITY, "period", "2031-01")).statusCode(409);
        TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", MUNICIPALITY, "period", "2027-Q4", "horizonMonths", 6))
                .statusCode(400).body("invalidParams[0].name", equalTo("horizonMonths"));
        TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", "GM0599", "period", "2027-Q4")).statusCode(403);
    }

    /**
     * Point 5 of issue #14: the run's proposal shows in the klantmanager's advice beside the ranking;
     * the decision is judged against the ranking, so following the ranking's top is no override and
     * following a proposal that differs from it is one, with the reason CAPACITY.
     */
    @Test
    void theAdviceShowsTheLatestProposalBesideTheRankingAndTheKlantmanagerDecides() {
        List<String> cohort = caseload(KLANTMANAGER, 8);
        String outside = KLANTMANAGER.createIntake(intake());
        put(TEAM_LEAD, "/api/v1/capacity-plans/" + MUNICIPALITY + "/2028-Q1", Map.of("budgetEuros", 9000,
                "places", List.of(Map.of("interventionCode", "JOB_COACHING", "places", 1), Map.of("interventionCode", "WAGE_SUBSIDY", "places", 1))))
                .statusCode(200);
        TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", MUNICIPALITY, "period", "2028-Q1", "intakeIds", cohort))
                .statusCode(201);
        String latest = TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", MUNICIPALITY, "period", "2028-Q1",
                "horizonMonths", 24, "intakeIds", cohort)).statusCode(201).extract().header("Location");
        JsonPath run = TEAM_LEAD.given().get(latest).then().statusCode(200).extract().jsonPath();
        String deviating = null;
        for (Map<String, Object> p : run.<Map<String, Object>>getList("proposals")) {
            JsonPath advice = KLANTMANAGER.given().get("/api/v1/intakes/" + p.get("intakeId") + "/recommendations").then().statusCode(200)
                    .body("allocationProposal.runId", equalTo(run.getString("id")), "allocationProposal.period", equalTo("2028-Q1"),
                            "allocationProposal.horizonMonths", equalTo(24),
                            "allocationProposal.createdAt", equalTo(run.getString("createdAt")),
                            "allocationProposal.interventionCode", equalTo(p.get("interventionCode")),
                            "allocationProposal.nearTie", equalTo(p.get("nearTie")))
                    .extract().jsonPath();
            List<String> tiedWithTop = advice.getList("items[0].tiedWith");
            String code = (String) p.get("interventionCode");
            if (deviating == null && !code.equals(advice.getString("items[0].interventionCode")) && !tiedWithTop.contains(code)) {
                deviating = (String) p.get("intakeId");
            }
        }
        KLANTMANAGER.given().get("/api/v1/intakes/" + outside + "/recommendations").then().statusCode(200)
                .body("allocationProposal", nullValue());

        assertTrue(deviating != null, "with one place of each, some client's proposal differs from the top of their ranking");
        JsonPath advice = KLANTMANAGER.given().get("/api/v1/intakes/" + deviating + "/recommendations").then().extract().jsonPath();
        String proposed = advice.getString("allocationProposal.interventionCode");
        KLANTMANAGER.post("/api/v1/intakes/" + deviating + "/decisions", Map.of("interventionCodes", List.of(proposed), "klantmanagerId",
                KLANTMANAGER.account())).statusCode(400).body("invalidParams.name", contains("reasonCode"));
        KLANTMANAGER.post("/api/v1/intakes/" + deviating + "/decisions", Map.of("interventionCodes", List.of(proposed), "klantmanagerId",
                KLANTMANAGER.account(), "reasonCode", "CAPACITY")).statusCode(201).body("override", equalTo(true));
        String other = cohort.get(cohort.get(0).equals(deviating) ? 1 : 0);
        String top = KLANTMANAGER.given().get("/api/v1/intakes/" + other + "/recommendations").then().extract().path("items[0].interventionCode");
        KLANTMANAGER.post("/api/v1/intakes/" + other + "/decisions", Map.of("interventionCodes", List.of(top), "klantmanagerId",
                KLANTMANAGER.account())).statusCode(201).body("override", equalTo(false));

        // Point 4: the next month's run compares on this month's record, whose 12-month outcomes cannot be known yet.
        YearMonth now = YearMonth.now(ZoneId.of("Europe/Amsterdam"));
        String next = now.plusMonths(1).toString();
        put(TEAM_LEAD, "/api/v1/capacity-plans/" + MUNICIPALITY + "/" + next, Map.of("budgetEuros", 9000,
                "places", List.of(Map.of("interventionCode", "JOB_COACHING", "places", 1)))).statusCode(200);
        String nextRun = TEAM_LEAD.post("/api/v1/allocation-runs", Map.of("municipalityCode", MUNICIPALITY, "period", next,
                "intakeIds", cohort)).statusCode(201).extract().header("Location");
        JsonPath compared = TEAM_LEAD.given().get(nextRun).then().statusCode(200)
                .body("summary.comparison.basisPeriod", equalTo(now.toString()), "summary.comparison.status", equalTo("TOO_FEW_OUTCOMES"),
                        "summary.comparison.withOutcome", equalTo(0), "summary.comparison.rules", org.hamcrest.Matchers.empty())
                .extract().jsonPath();
        int decisions = compared.getInt("summary.comparison.decisions");
        assertTrue(decisions >= 2, decisions + " decisions this month");
        assertEquals(decisions, compared.getInt("summary.comparison.horizonNotReached") + compared.getInt("summary.comparison.otherOrCombined"));
    }

    /**
     * Point 3 of issue #14: a fairness limit on gender. The group the unlimited run leaves out gets at
     * least its share of the places with the limit, counted here from the proposals themselves; the
     * report shows the shares and the cost; a client without recorded gender counts for neither side.
     */
    @Test
    void aFairnessLimitGivesAGroupItsShareOfThePlacesAndTheRunSaysWhatItCosts() {
        List<String> cohort = caseload(KLANTMANAGER, 10);
        put(TEAM_LEAD, "/api/v1/capacity-plans/" + MUNICIPALITY + "/2028-Q2", Map.of("budgetEuros", 100000,
                "places", List.of(Map.of("interventionCode", "JOB_COACHING", "places", 2), Map.of("interventionCode", "WAGE_SUBSIDY", "places", 2))))
                .statusCode(200);
        Map<String, Object> request = new HashMap<>(Map.of("municipalityCode", MUNICIPALITY, "period", "2028-Q2", "intakeIds", cohort));
        List<Map<String, Object>> free = TEAM_LEAD.given().get(TEAM_LEAD.post("/api/v1/allocation-runs", request).statusCode(201)
                .extract().header("Location")).then().extract().jsonPath().getList("proposals");
        // Those the unlimited run gives nothing are FEMALE, those it treats MALE; the last client has no gender recorded.
        Map<String, String> gender = new HashMap<>();
        for (int i = 0; i < free.size() - 1; i++) {
            Map<String, Object> p = free.get(i);
            gender.put((String) p.get("clientId"), p.get("interventionCode").equals("NONE") ? "FEMALE" : "MALE");
            Caller.of(Roles.CASE_SYSTEM, MUNICIPALITY).given().contentType(ContentType.JSON).body(Map.of("gender", gender.get(p.get("clientId"))))
                    .put("/api/v1/clients/" + p.get("clientId") + "/fairness-attributes").then().statusCode(204);
        }
        assertTrue(gender.containsValue("MALE") && gender.containsValue("FEMALE"), "the unlimited run treats some and not others");

        request.put("fairnessLimits", List.of(Map.of("attribute", "GENDER", "minimumRatio", 0.8)));
        JsonPath limited = TEAM_LEAD.given().get(TEAM_LEAD.post("/api/v1/allocation-runs", request).statusCode(201).extract().header("Location"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, AuditEntry.count("resourceId = ?1 and action = 'CREATE' and detail = 'FAIRNESS_ATTRIBUTES_USED'", limited.getString("id")));
        double cohortFemale = gender.values().stream().filter("FEMALE"::equals).count() / (double) gender.size();
        long recipients = 0;
        long female = 0;
        for (Map<String, Object> p : limited.<Map<String, Object>>getList("proposals")) {
            String g = gender.get((String) p.get("clientId"));
            if (g != null && !p.get("interventionCode").equals("NONE")) {
                recipients++;
                female += g.equals("FEMALE") ? 1 : 0;
            }
        }
        assertTrue(recipients > 0, "the limited run still gives places");
        assertTrue(female / (double) recipients >= 0.8 * cohortFemale - 1e-9, female + " of " + recipients + " recipients are FEMALE");
        assertEquals(List.of("FEMALE", "MALE"), limited.getList("summary.fairness.group"));
        assertEquals((float) cohortFemale, limited.getFloat("summary.fairness[0].cohortShare"), 1e-6);
        assertEquals(0f, limited.getFloat("summary.fairness[0].recipientShareWithoutLimits"));
        assertTrue(limited.getFloat("summary.fairness[0].costPlacements") >= 0);
        assertTrue(limited.getFloat("summary.expectedGain.placements") <= Float.parseFloat(
                TEAM_LEAD.given().get("/api/v1/allocation-runs/" + limited.getString("id")).then().extract().path("summary.expectedGain.placements").toString()));

        request.put("fairnessLimits", List.of(Map.of("attribute", "RELIGION", "minimumRatio", 0.8)));
        TEAM_LEAD.post("/api/v1/allocation-runs", request).statusCode(400).body("invalidParams.name", hasItem("fairnessLimits.attribute"));
        request.put("fairnessLimits", List.of(Map.of("attribute", "GENDER", "minimumRatio", 0.8), Map.of("attribute", "GENDER", "minimumRatio", 1.5)));
        TEAM_LEAD.post("/api/v1/allocation-runs", request).statusCode(400).body("invalidParams.name", contains("fairnessLimits[1].minimumRatio"));
        request.put("fairnessLimits", List.of(Map.of("attribute", "GENDER", "minimumRatio", 0.8, "interventionCode", "DEBT_COUNSELLING")));
        TEAM_LEAD.post("/api/v1/allocation-runs", request).statusCode(400)
                .body("invalidParams.name", contains("fairnessLimits[0].interventionCode"), "invalidParams.code", contains("invalid_value"));
    }

    /** The proposal is one the klantmanager's own advice lists with an effect: eligible, with comparable history. */
    /**
     * With the municipality's tie randomisation on, the near-tied clients draw for an option's last places: the
     * run names the setting that allowed it, each client in a draw has its probability, and the places and the
     * budget hold as before. Off again, the solver's allocation stands and nothing is drawn.
     */
    @Test
    void withTieRandomisationOnTheNearTiedClientsDrawForTheLastPlaces() {
        String municipality = "GM0985";
        Caller klantmanager = Caller.klantmanagerOf(municipality);
        Caller teamLead = Caller.of(Roles.TEAM_LEAD, municipality);
        List<String> cohort = caseload(klantmanager, 14);
        put(teamLead, "/api/v1/capacity-plans/" + municipality + "/2027-Q3", Map.of("budgetEuros", 20000, "places", PLACES)).statusCode(200);
        String setting = "/api/v1/municipalities/" + municipality + "/tie-randomisation";
        String changeId = put(teamLead, setting, Map.of("enabled", true)).statusCode(200).extract().path("changeId");

        JsonPath run = allocate(teamLead, municipality, cohort);
        assertEquals(changeId, run.getString("tieRandomisationChangeId"));
        List<Map<String, Object>> proposals = run.getList("proposals");
        List<Map<String, Object>> drawn = proposals.stream().filter(p -> p.get("drawProbability") != null).toList();
        assertTrue(!drawn.isEmpty(), "this cohort has clients near-tied for the last places: " + run.getInt("summary.nearTies"));
        for (Map<String, Object> p : drawn) {
            double probability = ((Number) p.get("drawProbability")).doubleValue();
            assertTrue(Boolean.TRUE.equals(p.get("nearTie")) && probability > 0 && probability < 1, p.toString());
        }
        Map<String, Long> used = proposals.stream().collect(java.util.stream.Collectors.groupingBy(p -> (String) p.get("interventionCode"),
                java.util.stream.Collectors.counting()));
        PLACES.forEach(place -> assertTrue(used.getOrDefault((String) place.get("interventionCode"), 0L) <= (Integer) place.get("places"),
                place + " " + used));
        assertTrue(run.getDouble("summary.costEuros") <= 20000);

        // the klantmanager follows a drawn proposal: the training data carry its probability as known
        Map<String, Object> followed = drawn.get(0);
        String intakeId = (String) followed.get("intakeId");
        klantmanager.given().get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        klantmanager.post("/api/v1/intakes/" + intakeId + "/decisions", Map.of("interventionCodes", List.of(followed.get("interventionCode")),
                "klantmanagerId", klantmanager.account(), "reasonCode", "CAPACITY")).statusCode(201);
        String rows = Caller.of("data-scientist", municipality).given().queryParam("municipalityCode", municipality)
                .accept("application/x-ndjson").get("/api/v1/training-data").then().statusCode(200).extract().asString();
        JsonPath row = new JsonPath(rows.lines().filter(l -> l.contains(intakeId)).findFirst().orElseThrow());
        assertEquals(((Number) followed.get("drawProbability")).doubleValue(), row.getDouble("assignmentProbability"), 1e-6);

        put(teamLead, setting, Map.of("enabled", false)).statusCode(200);
        JsonPath off = allocate(teamLead, municipality, cohort.stream().filter(id -> !id.equals(intakeId)).toList());
        assertEquals(null, off.getString("tieRandomisationChangeId"));
        assertTrue(off.getList("proposals.drawProbability").stream().allMatch(java.util.Objects::isNull));
    }

    private static JsonPath allocate(Caller teamLead, String municipality, List<String> cohort) {
        String location = teamLead.post("/api/v1/allocation-runs", Map.of("municipalityCode", municipality, "period", "2027-Q3",
                "intakeIds", cohort)).statusCode(201).extract().header("Location");
        return teamLead.given().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static void assertEligibleWithHistory(Caller klantmanager, String intakeId, String code) {
        JsonPath advice = klantmanager.given().queryParam("horizonMonths", 24).get("/api/v1/intakes/" + intakeId + "/recommendations")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Boolean.TRUE, advice.get("items.find { it.interventionCode == '" + code + "' }.comparableHistory"),
                code + " for " + intakeId);
    }
}
