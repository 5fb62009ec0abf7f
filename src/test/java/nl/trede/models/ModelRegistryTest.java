package nl.trede.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.ModelIntegrityException;
import nl.trede.core.effects.LearnedEffectModel;
import org.junit.jupiter.api.Test;

/** The registry table holds what the models directory shipped, and refuses what does not match its hashes. */
@QuarkusTest
class ModelRegistryTest {

    private static final Path MODELS = Path.of("models");

    @Inject
    ModelRegistry registry;

    @Test
    void theRegistryIsSeededWithTheShippedModelsByteForByte() {
        Map<String, ModelArtefact> active = registry.active();
        for (String kind : new String[] {ModelFiles.DISTANCE, LearnedEffectModel.KIND}) {
            ModelArtefact shipped = ModelFiles.readActive(MODELS, kind);
            assertEquals(shipped.sha256(), active.get(kind).sha256(), kind);
            assertEquals(shipped.cardSha256(), active.get(kind).cardSha256(), kind);
            assertEquals(shipped.version(), active.get(kind).version(), kind);
        }
    }

    @Test
    void aCardThatDoesNotVouchForTheBytesIsNotRegistered() {
        ModelArtefact shipped = ModelFiles.readActive(MODELS, ModelFiles.DISTANCE);
        byte[] otherBytes = shipped.bytes().clone();
        otherBytes[otherBytes.length / 2] ^= 1;
        ModelIntegrityException refused = assertThrows(ModelIntegrityException.class,
                () -> registry.register(ModelFiles.DISTANCE, "distance-forged", otherBytes, shipped.card()));
        assertTrue(refused.getMessage().contains("SHA-256"), refused.getMessage());
    }

    @Test
    void aRowChangedBehindTheServicesBackStopsTheStartUp() {
        ModelArtefact shipped = ModelFiles.readActive(MODELS, ModelFiles.DISTANCE);
        byte[] forgedCard = new String(shipped.card(), StandardCharsets.UTF_8)
                .replace("\"slope\" : ", "\"slope\" : 2")
                .getBytes(StandardCharsets.UTF_8);
        setCard(shipped.version(), forgedCard);
        try {
            ModelIntegrityException refused = assertThrows(ModelIntegrityException.class,
                    () -> new ActiveModels(registry, MODELS));
            assertTrue(refused.getMessage().contains("SHA-256") && refused.getMessage().contains(shipped.version()),
                    refused.getMessage());
        } finally {
            setCard(shipped.version(), shipped.card());
        }
        assertEquals(shipped.version(), new ActiveModels(registry, MODELS).current().distance().version());
    }

    private static void setCard(String version, byte[] card) {
        QuarkusTransaction.requiringNew().run(() -> RegisteredModel.update("card = ?1 where version = ?2", card, version));
    }
}
