package nl.trede.core.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

/**
 * The shipped (linear) distance model scores from its weights: the probabilities, and therefore the
 * factors, must be exactly Tribuo's, for complete profiles and profiles with gaps alike. A model
 * that is not linear keeps the Tribuo path and still explains its scores.
 */
class LinearLogitsTest {

    private static final List<IntakeProfile> PROFILES = new PopulationGenerator().generate(400, 20261201L).clients().stream()
            .map(SimulatedClient::profile).toList();

    @Test
    void theShippedModelIsEvaluatedFromItsWeightsExactlyAsTribuoWould() {
        ModelArtefact artefact = ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE);
        TribuoDistanceModel model = TribuoDistanceModel.fromBytes(artefact.bytes(), artefact.card());
        assertTrue(model.evaluatesLinearly(), "the shipped model is linear");
        FeatureEncoder encoder = new FeatureEncoder();
        double[] fast = model.probabilities(PROFILES);
        int withGaps = 0;
        for (int i = 0; i < PROFILES.size(); i++) {
            IntakeProfile profile = PROFILES.get(i);
            double tribuo = model.calibration().apply(model.tribuoModel()
                    .predict(encoder.toExample(profile, LabelFactory.UNKNOWN_LABEL))
                    .getOutputScores().get(TribuoDistanceModel.WORKED).getScore());
            assertEquals(tribuo, fast[i], 1e-12);
            withGaps += profile.missingFields().isEmpty() ? 0 : 1;
        }
        assertTrue(withGaps > 20, "profiles with missing fields are among those compared");
    }

    @Test
    void aTreeModelKeepsTheTribuoPathAndItsFactorsStayFaithful() {
        DistanceModelTrainer.Candidate tree = new DistanceModelTrainer.Candidate("tree", new CARTClassificationTrainer(4));
        TribuoDistanceModel model = new DistanceModelTrainer(7L, "tree-test", List.of(tree))
                .fit(new PopulationGenerator().generate(3_000, 7L).trainingData()).model();
        assertFalse(model.evaluatesLinearly());
        int explained = 0;
        for (IntakeProfile profile : PROFILES.subList(0, 100)) {
            DistanceScore score = model.score(profile);
            assertEquals(model.probability(profile), score.probability(), 1e-12);
            for (ScoreFactor factor : score.factors()) {
                ProfileField field = ProfileField.valueOf(factor.field().replaceAll("([A-Z])", "_$1").toUpperCase());
                double changed = model.probability(profile.with(field, field.valueOf(model.referenceProfile())));
                assertEquals(factor.percentagePoints(), 100 * (score.probability() - changed), 1e-9);
                explained++;
            }
        }
        assertTrue(explained > 0, "the tree's scores have factors");
    }
}
