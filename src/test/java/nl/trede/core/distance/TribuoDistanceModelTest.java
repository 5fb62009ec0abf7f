package nl.trede.core.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.groundtruth.DistanceEvaluation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.VariableInfo;

/**
 * Trains a distance model on a smaller population than the shipped one (36,000 training, 20,000
 * held-out clients) and checks it against ground truth, then publishes and reloads it.
 */
class TribuoDistanceModelTest {

    private static final long SEED = 99L;

    @TempDir
    static Path models;

    private static ModelCard card;
    private static TribuoDistanceModel trained;
    private static TribuoDistanceModel loaded;
    private static List<SimulatedClient> clients;

    @BeforeAll
    static void trainAndPublish() throws IOException {
        List<DistanceModelTrainer.Candidate> candidates = DistanceModelTrainer.standardCandidates(SEED).stream()
                .filter(c -> !c.name().equals("xgboost-400x3")).toList();
        SyntheticPopulation population = new PopulationGenerator().generate(36_000 + 20_000, SEED);
        DistanceModelTrainer.Fit fit = new DistanceModelTrainer(SEED, "test", candidates)
                .fit(population.slice(0, 36_000).trainingData());
        DistanceModelTrainer.Result result = DistanceEvaluation.evaluate(fit, population, 36_000);
        trained = result.model();
        card = ModelFiles.publish(models, result);
        loaded = loadActive(models);
        clients = new PopulationGenerator().generate(300, 12345L).clients();
    }

    @Test
    void heldOutAucIsCloseToBayesOptimalAndCalibrated() {
        ModelCard.HeldOut heldOut = card.heldOut();
        assertEquals(20_000, heldOut.clients());
        assertTrue(heldOut.aucGap() <= 0.02, "AUC " + heldOut.auc() + " vs Bayes-optimal " + heldOut.bayesOptimalAuc());
        assertTrue(heldOut.expectedCalibrationError() <= 0.02, "ECE " + heldOut.expectedCalibrationError());
        assertEquals(heldOut.observedRate(), heldOut.meanPredicted(), 0.015, "calibration in the large");
        ModelCard.CandidateResult chosen = card.candidates().stream().filter(ModelCard.CandidateResult::chosen)
                .findFirst().orElseThrow();
        assertEquals(chosen.name(), card.chosenCandidate());
        double bestAuc = card.candidates().stream().mapToDouble(ModelCard.CandidateResult::validationAuc).max().orElseThrow();
        assertTrue(chosen.validationAuc() >= bestAuc - DistanceModelTrainer.SELECTION_TOLERANCE);
        System.out.printf("test model %s: AUC %.4f, Bayes-optimal %.4f, ECE %.4f%n", card.chosenCandidate(),
                heldOut.auc(), heldOut.bayesOptimalAuc(), heldOut.expectedCalibrationError());
        assertEquals(4, card.subgroups().size(), "two genders and with/without migration background");
    }

    @Test
    void selectionPrefersTheSimplestCandidateWithinTolerance() {
        List<ModelCard.CandidateResult> results = List.of(
                new ModelCard.CandidateResult("linear", "", 0.810, 0.2, false),
                new ModelCard.CandidateResult("trees", "", 0.8149, 0.2, false),
                new ModelCard.CandidateResult("deep trees", "", 0.812, 0.2, false));
        assertEquals(0, DistanceModelTrainer.choose(results));
        assertEquals(1, DistanceModelTrainer.choose(List.of(results.get(0),
                new ModelCard.CandidateResult("trees", "", 0.8151, 0.2, false))));
    }

    @Test
    void loadedModelScoresExactlyLikeTheTrainedOne() {
        assertEquals("distance-test", loaded.version());
        for (SimulatedClient client : clients.subList(0, 50)) {
            assertEquals(trained.probability(client.profile()), loaded.probability(client.profile()), 1e-12);
        }
    }

    /** Changing the top factor's field to the typical client's value moves the probability by the stated points. */
    @Test
    void factorsAreFaithful() {
        int checked = 0;
        for (SimulatedClient client : clients) {
            IntakeProfile profile = client.profile();
            DistanceScore score = loaded.score(profile);
            assertEquals(loaded.probability(profile), score.probability(), 1e-12);
            assertEquals(DistanceCategory.of(score.probability()), score.category());
            assertTrue(score.factors().size() <= TribuoDistanceModel.TOP_FACTORS);
            for (int i = 1; i < score.factors().size(); i++) {
                assertTrue(Math.abs(score.factors().get(i - 1).percentagePoints())
                        >= Math.abs(score.factors().get(i).percentagePoints()), "factors are sorted by size");
            }
            if (score.factors().isEmpty()) {
                continue;
            }
            ScoreFactor top = score.factors().get(0);
            ProfileField field = fieldNamed(top.field());
            double changed = loaded.probability(profile.with(field, field.valueOf(loaded.referenceProfile())));
            double moved = 100 * (changed - score.probability());
            assertEquals(-top.percentagePoints(), moved, 1e-9, top.explanation());
            assertEquals(top.percentagePoints() > 0 ? ScoreFactor.Direction.RAISES_CHANCE : ScoreFactor.Direction.LOWERS_CHANCE,
                    top.direction());
            assertTrue(top.explanation().contains(top.percentagePoints() > 0 ? "verhoogt" : "verlaagt")
                    || top.explanation().contains("ontbreekt"), top.explanation());
            checked++;
        }
        assertTrue(checked > 250, "most clients differ from the typical client somewhere");
    }

    @Test
    void missingFieldsAreReportedAndExplained() {
        IntakeProfile reference = loaded.referenceProfile();
        IntakeProfile withoutExpectation = reference.with(ProfileField.EXPECTS_WORK, true)
                .with(ProfileField.MOTIVATION, null);
        DistanceScore score = loaded.score(withoutExpectation);
        assertEquals(List.of("motivation"), score.missingFields());
        ScoreFactor expects = score.factors().stream().filter(f -> f.field().equals("expectsWork")).findFirst().orElseThrow();
        assertEquals(ScoreFactor.Direction.RAISES_CHANCE, expects.direction());
        assertTrue(expects.explanation().startsWith("Uw eigen verwachting dat u werk vindt, verhoogt")
                || expects.explanation().startsWith("Uw eigen verwachting dat u werk vindt verhoogt"), expects.explanation());
        score.factors().stream().filter(f -> f.field().equals("motivation"))
                .forEach(f -> assertTrue(f.explanation().contains("ontbreekt"), f.explanation()));
        assertTrue(loaded.score(reference).factors().isEmpty(), "the typical client has no factors");
    }

    @Test
    void protectedAttributesAreNotAmongTheModelsFeatures() {
        List<String> columns = new FeatureEncoder().columnNames();
        for (VariableInfo feature : loaded.tribuoModel().getFeatureIDMap()) {
            assertTrue(columns.contains(feature.getName()), feature.getName());
            assertFalse(feature.getName().toLowerCase().matches(".*(gender|migration|nationality|ethnic|religion).*"));
        }
        assertTrue(card.featureColumns().equals(columns));
    }

    @Test
    void tamperedModelFileIsRefused(@TempDir Path copy) throws IOException {
        copyModels(copy);
        Path modelFile = copy.resolve(card.modelFile());
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(modelFile, bytes);
        ModelIntegrityException refused = assertThrows(ModelIntegrityException.class, () -> loadActive(copy));
        assertTrue(refused.getMessage().contains("SHA-256") && refused.getMessage().contains(card.modelSha256()),
                refused.getMessage());
    }

    @Test
    void tamperedCardIsRefused(@TempDir Path copy) throws IOException {
        copyModels(copy);
        Path cardFile = copy.resolve(ModelFiles.cardFileName(card.modelVersion()));
        // A forged card that points at another model file and hash must not get past the registry.
        Files.writeString(cardFile, Files.readString(cardFile).replace(card.modelSha256(), "0".repeat(64)));
        assertThrows(ModelIntegrityException.class, () -> loadActive(copy));
    }

    @Test
    void modelsOutsideTheModelsDirectoryAndMissingRegistriesAreRefused(@TempDir Path empty) throws IOException {
        assertThrows(ModelIntegrityException.class, () -> loadActive(empty));
        Path cardFile = models.resolve(ModelFiles.cardFileName(card.modelVersion()));
        Path inner = Files.createDirectories(empty.resolve("inner"));
        Files.writeString(inner.resolve(ModelFiles.REGISTRY_FILE), Files.readString(models.resolve(ModelFiles.REGISTRY_FILE))
                .replace("\"" + cardFile.getFileName() + "\"", "\"../" + cardFile.getFileName() + "\""));
        Files.copy(cardFile, empty.resolve(cardFile.getFileName()));
        ModelIntegrityException refused = assertThrows(ModelIntegrityException.class, () -> loadActive(inner));
        assertTrue(refused.getMessage().contains("not a file directly inside"), refused.getMessage());
    }

    /** The active distance model of a models directory, read and verified as the registry seeds it. */
    private static TribuoDistanceModel loadActive(Path modelsDir) {
        ModelArtefact artefact = ModelFiles.readActive(modelsDir, ModelFiles.DISTANCE);
        return TribuoDistanceModel.fromBytes(artefact.bytes(), artefact.card());
    }

    @Test
    void scoringWithFactorsIsFast() {
        IntakeProfile profile = clients.get(0).profile();
        for (int i = 0; i < 200; i++) {
            loaded.score(profile);
        }
        long start = System.nanoTime();
        int n = 500;
        for (int i = 0; i < n; i++) {
            loaded.score(clients.get(i % clients.size()).profile());
        }
        double millis = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("score with factors: %.3f ms%n", millis);
        // Generous bound for a shared 2-core machine; typically well under a millisecond or two.
        assertTrue(millis < 20, millis + " ms per score");
    }

    private static ProfileField fieldNamed(String name) {
        for (ProfileField field : ProfileField.values()) {
            if (field.fieldName().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void copyModels(Path target) throws IOException {
        try (var files = Files.list(models)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
