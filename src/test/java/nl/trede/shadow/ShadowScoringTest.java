package nl.trede.shadow;

import static nl.trede.Requests.as;
import static nl.trede.Requests.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.Requests;
import nl.trede.core.evaluation.ShadowAgreement;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.recommend.Recommender;
import nl.trede.models.ActiveModels;
import nl.trede.models.CandidateVersions;
import nl.trede.models.ModelRegistry;
import nl.trede.models.ModelSet;
import nl.trede.recommendation.AdviceBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shadow version scores and advises every live intake after its commit, stored under the intake's
 * id and never shown; the comparison of its answers with the active set's is right on a constructed
 * case (a shadow calibrated higher, advising from the literature priors), for the roles that may read it.
 */
@QuarkusTest
class ShadowScoringTest {

    private static final String DATA_SCIENTIST = "data-scientist-rotterdam";
    private static final String FAIRNESS_AUDITOR = "fairness-auditor-rotterdam";
    private static final String COMPARISON = "/api/v1/models/shadow/comparison";

    @Inject
    ModelRegistry registry;
    @Inject
    ActiveModels active;

    @BeforeEach
    @AfterEach
    void noShadow() {
        if (registry.pointer().shadow() != null) {
            as(DATA_SCIENTIST).delete("/api/v1/models/shadow").then().statusCode(204);
        }
    }

    /** One intake as posted: its id, client, answer, and the profile it was scored on. */
    private record Posted(String id, String clientId, int category, double probability, IntakeProfile profile) {
    }

    @Test
    void theShadowScoresEveryLiveIntakeUnderItsIdAndNoAnswerShowsIt() {
        long shadow = shadow(CandidateVersions.registerDifferent(registry, 1.0));
        String shadowDistance = CandidateVersions.distanceOf(registry, shadow);
        Posted posted = post(profile(34, LanguageLevel.B2, 4));

        ShadowScore row = awaitShadowRow(posted.id(), shadow);
        IntakeProfile profile = posted.profile();
        ModelSet set = active.shadow().orElseThrow().set();
        assertEquals(shadowDistance, row.distanceModelVersion);
        assertEquals(set.distance().score(profile).probability(), row.probability, 1e-12);
        assertEquals(set.distance().score(profile).category().number(), row.category);
        assertEquals(rankingOf(set, profile, row.probability, 12), ShadowScore.codes(row.ranking12));
        assertEquals(rankingOf(set, profile, row.probability, 24), ShadowScore.codes(row.ranking24));
        assertTrue(row.advice12.contains("\"items\""), "the advice as it would have been shown is kept");

        // The live answers are the active set's, and none of them mentions the shadow.
        String intake = given().get("/api/v1/intakes/" + posted.id()).then().statusCode(200).extract().asString();
        String advice = given().get("/api/v1/intakes/" + posted.id() + "/recommendations?horizonMonths=12").then()
                .statusCode(200).extract().asString();
        String history = given().get("/api/v1/clients/" + posted.clientId()).then().statusCode(200).extract().asString();
        for (String answer : List.of(intake, advice, history)) {
            assertFalse(answer.contains(shadowDistance), "an answer to a klantmanager names the shadow's model");
            assertFalse(answer.contains(Double.toString(row.probability)), "an answer carries the shadow's probability");
        }
        assertNotEquals(row.probability, posted.probability(), "the constructed shadow answers differently");
    }

    @Test
    void withoutAShadowNothingIsStored() {
        Posted unshadowed = post(profile(41, LanguageLevel.C1, 3));
        long shadow = shadow(CandidateVersions.registerDifferent(registry, 1.0));
        Posted shadowed = post(profile(41, LanguageLevel.C1, 3));
        // One worker, first in first out: had the first intake been handed over, it would be stored by now.
        awaitShadowRow(shadowed.id(), shadow);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ShadowScore.count("intakeId", UUID.fromString(unshadowed.id()))));
    }

    @Test
    void theComparisonCountsAgreementOverallAndPerSubgroup() {
        long shadow = shadow(CandidateVersions.registerDifferent(registry, 1.0));
        List<Posted> intakes = new ArrayList<>();
        LanguageLevel[] levels = {LanguageLevel.A2, LanguageLevel.B1, LanguageLevel.C2};
        for (int i = 0; i < 24; i++) {
            intakes.add(post(profile(28 + i % 10, levels[i % 3], 1 + i % 5)));
        }
        for (int i = 0; i < 3; i++) {
            intakes.add(post(profile(58 + i, LanguageLevel.B2, 2 + i)));
        }
        intakes.forEach(p -> awaitShadowRow(p.id(), shadow));

        // What to expect, from the live answers (score, advice as shown) and the shadow's models.
        ModelSet set = active.shadow().orElseThrow().set();
        ShadowAgreement expected = new ShadowAgreement();
        ShadowAgreement youngerBand = new ShadowAgreement();
        for (Posted p : intakes) {
            double shadowProbability = set.distance().score(p.profile()).probability();
            List<ShadowAgreement.Rankings> rankings = new ArrayList<>();
            for (int months : new int[] {12, 24}) {
                List<String> shown = given().get("/api/v1/intakes/" + p.id() + "/recommendations?horizonMonths=" + months)
                        .then().statusCode(200).extract().jsonPath().getList("items.interventionCode", String.class);
                rankings.add(new ShadowAgreement.Rankings(months, shown, rankingOf(set, p.profile(), shadowProbability, months)));
            }
            ShadowAgreement.Pair pair = new ShadowAgreement.Pair(p.category(),
                    set.distance().score(p.profile()).category().number(), p.probability(), shadowProbability, rankings);
            expected.add(pair);
            if (p.profile().age() < 40) {
                youngerBand.add(pair);
            }
        }
        ShadowAgreement.Summary want = expected.summary();
        assertTrue(want.categoryAgreement() < 1, "the constructed shadow moves some intakes to another category");

        JsonPath got = as(DATA_SCIENTIST).get(COMPARISON).then().statusCode(200).extract().jsonPath();
        assertEquals(shadow, got.getLong("shadowVersion"));
        assertEquals(27, got.getInt("intakesCompared"));
        assertEquals(List.of("GM0599"), got.getList("municipalityCodes"));
        assertEquals(20, got.getInt("minimumSubgroupSize"));
        assertEquals(want.categoryAgreement(), got.getDouble("categories.agreement"), 1e-6);
        for (int a = 0; a < 4; a++) {
            List<Long> row = new ArrayList<>();
            for (long n : want.table()[a]) {
                row.add(n);
            }
            assertEquals(row, got.getList("categories.table[" + a + "].shadowCategoryCounts", Long.class), "active category " + (a + 1));
        }
        assertEquals(Math.round(want.meanProbabilityDifference() * 10_000) / 100.0,
                got.getDouble("categories.meanProbabilityDifferencePoints"), 1e-6);
        for (int h = 0; h < 2; h++) {
            ShadowAgreement.HorizonAgreement horizon = want.advice().get(h);
            assertEquals(horizon.horizonMonths(), got.getInt("advice[" + h + "].horizonMonths"));
            assertEquals(horizon.topAgreement(), got.getDouble("advice[" + h + "].topAgreement"), 1e-6);
            assertEquals(horizon.meanKendallTau(), got.getDouble("advice[" + h + "].meanKendallTau"), 1e-6);
        }
        assertTrue(want.advice().get(0).meanKendallTau() < 1, "priors rank otherwise than the learned effects");

        Map<String, Object> younger = subgroup(got, "ageBand", "27-39");
        assertEquals(24, younger.get("intakes"));
        assertEquals(youngerBand.summary().categoryAgreement(), ((Number) younger.get("categoryAgreement")).doubleValue(), 1e-6);
        Map<String, Object> older = subgroup(got, "ageBand", "55+");
        assertEquals(3, older.get("intakes"));
        assertEquals(null, older.get("categoryAgreement"), "a subgroup below the minimum has no rates");
        assertEquals(List.of(), older.get("advice"));
        assertEquals(8, subgroup(got, "dutchLanguageLevel", "A2").get("intakes"));
        assertEquals(null, subgroup(got, "dutchLanguageLevel", "A2").get("categoryAgreement"), "8 is below the minimum");
        assertFalse(got.getBoolean("protectedAttributesIncluded"));
        assertTrue(got.getList("subgroups.attribute", String.class).stream().noneMatch(a -> a.equals("gender")),
                "without the fairness-audit permission no subgroup by gender");
    }

    @Test
    void genderAndMigrationBackgroundOnlyForTheFairnessAuditor() {
        long shadow = shadow(CandidateVersions.registerDifferent(registry, 1.0));
        List<Posted> intakes = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            Posted p = post(profile(30 + i, LanguageLevel.B1, 3));
            intakes.add(p);
            given().contentType(ContentType.JSON).body(Map.of("gender", i < 21 ? "FEMALE" : "MALE", "migrationBackground", "NONE"))
                    .put("/api/v1/clients/" + p.clientId() + "/fairness-attributes").then().statusCode(204);
        }
        intakes.forEach(p -> awaitShadowRow(p.id(), shadow));

        JsonPath fairness = as(FAIRNESS_AUDITOR).get(COMPARISON).then().statusCode(200).extract().jsonPath();
        assertTrue(fairness.getBoolean("protectedAttributesIncluded"));
        assertEquals(21, subgroup(fairness, "gender", "FEMALE").get("intakes"));
        assertTrue(subgroup(fairness, "gender", "FEMALE").get("categoryAgreement") != null);
        assertEquals(null, subgroup(fairness, "gender", "MALE").get("categoryAgreement"), "one client: no rates");
        assertEquals(22, subgroup(fairness, "migrationBackground", "NONE").get("intakes"));

        as("teamleider-rotterdam").get(COMPARISON).then().statusCode(200).body("protectedAttributesIncluded", equalTo(false));
        as("admin-rotterdam").get(COMPARISON).then().statusCode(200);
        as("auditor-rotterdam").get(COMPARISON).then().statusCode(200);
        as("case-system-rotterdam").get(COMPARISON).then().statusCode(403);
        given().get(COMPARISON).then().statusCode(403);
    }

    @Test
    void theComparisonNamesWhatItCannotCompare() {
        as(DATA_SCIENTIST).get(COMPARISON).then().statusCode(404).contentType("application/problem+json");
        as(DATA_SCIENTIST).get(COMPARISON + "?version=abc").then().statusCode(400).body("invalidParams[0].name", equalTo("version"));
        as(DATA_SCIENTIST).get(COMPARISON + "?version=0").then().statusCode(400);
        as(DATA_SCIENTIST).get(COMPARISON + "?version=999999").then().statusCode(404);
        long never = CandidateVersions.registerDifferent(registry, 1.0);
        as(DATA_SCIENTIST).get(COMPARISON + "?version=" + never).then().statusCode(200)
                .body("intakesCompared", equalTo(0)).body("categories.agreement", nullValue()).body("period", nullValue());
    }

    @Test
    void erasureRemovesTheShadowsAdviceTextsAndKeepsTheCodes() {
        long shadow = shadow(CandidateVersions.registerDifferent(registry, 1.0));
        Posted posted = post(profile(45, LanguageLevel.A2, 2));
        ShadowScore before = awaitShadowRow(posted.id(), shadow);
        as("admin-rotterdam").delete("/api/v1/clients/" + posted.clientId() + "/personal-data").then().statusCode(204);
        ShadowScore after = row(posted.id(), shadow);
        assertEquals(AdviceBody.ERASED, after.advice12);
        assertEquals(AdviceBody.ERASED, after.advice24);
        assertEquals(before.ranking12, after.ranking12);
        assertEquals(before.category, after.category);
        as(DATA_SCIENTIST).get(COMPARISON).then().statusCode(200).body("intakesCompared", equalTo(1))
                .body("subgroups.find { it.attribute == 'ageBand' }.group", equalTo("unknown"));
    }

    private long shadow(long version) {
        as(DATA_SCIENTIST).contentType(ContentType.JSON).body(Map.of("version", version, "reason", "shadow test"))
                .put("/api/v1/models/shadow").then().statusCode(200);
        return version;
    }

    private static Posted post(IntakeProfile profile) {
        Map<String, Object> body = new HashMap<>(Requests.intake());
        for (ProfileField field : ProfileField.values()) {
            Object value = field.valueOf(profile);
            body.put(field.fieldName(), value instanceof Enum<?> e ? e.name() : value);
        }
        JsonPath answer = given().contentType(ContentType.JSON).body(body).post("/api/v1/intakes").then().statusCode(201)
                .extract().jsonPath();
        return new Posted(answer.getString("id"), answer.getString("clientId"), answer.getInt("score.category"),
                answer.getDouble("score.probability"), profile);
    }

    private static IntakeProfile profile(int age, LanguageLevel language, int motivation) {
        return new IntakeProfile(age, EducationLevel.MBO_2_4, language, 6 + age % 30, 10 + age % 20, age % 12,
                age % 7 == 0 ? HealthLimitation.SOME : HealthLimitation.NONE, age % 2 == 0, age % 3 == 0, false, true,
                motivation, 3, motivation > 2, 2 + age % 4, 0.9);
    }

    private static List<String> rankingOf(ModelSet set, IntakeProfile profile, double baseline, int months) {
        return new Recommender().recommend(profile, baseline, set.catalogue(), set.effects(), months).ranked().stream()
                .map(r -> r.intervention().code()).toList();
    }

    private static ShadowScore row(String intakeId, long version) {
        return QuarkusTransaction.requiringNew().call(() -> ShadowScore.<ShadowScore>find("intakeId = ?1 and shadowVersion = ?2",
                UUID.fromString(intakeId), version).firstResult());
    }

    private static ShadowScore awaitShadowRow(String intakeId, long version) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            ShadowScore row = row(intakeId, version);
            if (row != null) {
                return row;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the shadow did not score intake " + intakeId + " within 10 s");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subgroup(JsonPath comparison, String attribute, String group) {
        return comparison.getList("subgroups", Map.class).stream()
                .filter(s -> attribute.equals(s.get("attribute")) && group.equals(s.get("group")))
                .findFirst().map(s -> (Map<String, Object>) s).orElse(Map.of());
    }
}
