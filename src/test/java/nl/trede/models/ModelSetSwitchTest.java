package nl.trede.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.trede.Requests;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.distance.PlattCalibration;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.effects.PriorEffectModel;
import nl.trede.core.recommend.Recommender;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.intake.Intake;
import nl.trede.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

/**
 * Switching the serving model set while requests run: every score, intake and piece of advice, as
 * answered and as stored, is computed by the models whose versions it names, from one set.
 *
 * <p>The second set is built from the shipped artefacts, not trained: the same Tribuo model under
 * another version with another calibration (so its probabilities differ and a mix would show in the
 * numbers), the literature-prior effect model, and the catalogue under another version with other
 * costs. What is tested is the snapshot and the swap, which do not depend on how good the models are.
 */
@QuarkusTest
class ModelSetSwitchTest {

    private static final int THREADS = 8;
    private static final int JOURNEYS_PER_THREAD = 10;

    @Inject
    ActiveModels active;

    private record Journey(JsonPath score, JsonPath intake, JsonPath advice, JsonPath readiness) {
    }

    @Test
    void noResponseAndNoStoredRecordMixesTheVersionsOfTwoSets() throws Exception {
        ModelSet a = active.current();
        ModelSet b = relabelled(a);
        Map<String, ModelSet> byDistance = Map.of(a.distance().version(), a, b.distance().version(), b);
        Map<String, ModelSet> byEffects = Map.of(a.effects().version(), a, b.effects().version(), b);
        Requests.given(); // the token is fetched once, before the race

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        List<Journey> journeys = new ArrayList<>();
        Set<String> servedDistance = ConcurrentHashMap.newKeySet();
        try {
            Future<Integer> flipper = pool.submit(() -> {
                int flips = 0;
                while (running.get()) {
                    active.activate(flips % 2 == 0 ? b : a);
                    flips++;
                    Thread.sleep(3);
                }
                return flips;
            });
            List<Future<List<Journey>>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    List<Journey> mine = new ArrayList<>();
                    for (int i = 0; i < JOURNEYS_PER_THREAD; i++) {
                        mine.add(journey());
                    }
                    return mine;
                }));
            }
            for (Future<List<Journey>> worker : workers) {
                journeys.addAll(worker.get());
            }
            running.set(false);
            assertTrue(flipper.get() > 10, "the set was switched while the requests ran");
        } finally {
            running.set(false);
            pool.shutdownNow();
            active.activate(a);
        }

        Recommender recommender = new Recommender();
        for (Journey j : journeys) {
            ModelSet scoredBy = byDistance.get(j.score().getString("modelVersion"));
            String intakeVersion = j.intake().getString("score.modelVersion");
            ModelSet intakeSet = byDistance.get(intakeVersion);
            ModelSet adviceSet = byEffects.get(j.advice().getString("effectModelVersion"));
            servedDistance.add(intakeVersion);
            UUID intakeId = UUID.fromString(j.intake().getString("id"));

            QuarkusTransaction.requiringNew().run(() -> {
                Intake stored = Intake.findById(intakeId);
                double expected = intakeSet.distance().score(stored.profile()).probability();
                assertEquals(expected, stored.probability, 1e-12, "stored intake scored by the model it names");
                assertEquals(intakeVersion, stored.modelVersion);
                assertEquals(expected, j.intake().getDouble("score.probability"), 1e-6, "intake answered by the model it names");
                assertEquals(scoredBy.distance().score(stored.profile()).probability(), j.score().getDouble("probability"), 1e-6,
                        "score answered by the model it names");

                assertEquals(adviceSet.catalogue().version(), j.advice().getString("catalogueVersion"),
                        "effect model and catalogue come from one set");
                assertEquals(intakeVersion, j.advice().getString("modelVersion"), "the advice's baseline is the intake's score");
                assertEquals(stored.probability, j.advice().getDouble("baselineChance"), 1e-6);
                ShownAdvice.Versions versions = new ShownAdvice.Versions(intakeVersion, adviceSet.effects().version(),
                        adviceSet.catalogue().version());
                ShownAdvice expectedAdvice = ShownAdvice.of(recommender.recommend(stored.profile(), stored.probability,
                        adviceSet.catalogue(), adviceSet.effects(), 12), versions);
                assertEquals(expectedAdvice.ranked().stream().map(ShownAdvice.Option::code).toList(),
                        j.advice().getList("items.interventionCode"), "advice answered by the set it names");
                assertEquals(expectedAdvice.ranked().stream().map(o -> o.costEuros()).toList(),
                        j.advice().getList("items.costEuros", Double.class), "costs from the catalogue it names");
                List<Recommendation> records = Recommendation.ofIntake(intakeId);
                assertEquals(1, records.size(), "one advice record per intake");
                assertEquals(expectedAdvice, records.get(0).advice(), "stored advice computed by the set it names");
            });

            Map<String, Object> readiness = j.readiness().getMap("checks.find { it.name == 'models' }.data");
            ModelSet ready = byDistance.get((String) readiness.get("distanceModel"));
            assertEquals(ready.effects().version(), readiness.get("effectModel"), "readiness reports one set");
            assertEquals(ready.catalogue().version(), readiness.get("catalogue"), "readiness reports one set");
        }
        assertEquals(Set.of(a.distance().version(), b.distance().version()), servedDistance,
                "both sets answered some of the " + journeys.size() + " journeys");
    }

    private static Journey journey() {
        Map<String, Object> body = Requests.intake();
        Map<String, Object> profile = new HashMap<>(body);
        profile.remove("clientReference");
        profile.remove("municipalityCode");
        JsonPath score = Requests.post("/api/v1/scores", profile).statusCode(200).extract().jsonPath();
        JsonPath intake = Requests.post("/api/v1/intakes", body).statusCode(201).extract().jsonPath();
        JsonPath advice = Requests.given().queryParam("horizonMonths", 12)
                .get("/api/v1/intakes/" + intake.getString("id") + "/recommendations")
                .then().statusCode(200).extract().jsonPath();
        JsonPath readiness = RestAssured.given().accept(ContentType.JSON).get("/q/health/ready")
                .then().statusCode(200).extract().jsonPath();
        return new Journey(score, intake, advice, readiness);
    }

    /** Another set from the same artefacts: other versions, other calibration, prior effects, other costs. */
    private static ModelSet relabelled(ModelSet set) {
        TribuoDistanceModel distance = (TribuoDistanceModel) set.distance();
        TribuoDistanceModel otherDistance = new TribuoDistanceModel(distance.version() + "-switch-test",
                distance.tribuoModel(), new PlattCalibration(1.0, 0.7), distance.referenceProfile());
        List<Intervention> dearer = set.catalogue().interventions().stream()
                .map(i -> new Intervention(i.code(), i.dutchName(), i.englishName(), i.costEuros() + 100, i.durationMonths(),
                        i.evidenceLevel(), i.eligibility(), i.priorEffect12(), i.priorEffect24(), i.priorSource()))
                .toList();
        ModelSet other = new ModelSet(otherDistance, new PriorEffectModel(),
                new Catalogue(set.catalogue().version() + "-switch-test", dearer));
        assertNotEquals(set.effects().version(), other.effects().version());
        return other;
    }
}
