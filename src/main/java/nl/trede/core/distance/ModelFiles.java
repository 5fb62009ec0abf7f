package nl.trede.core.distance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.trede.core.digest.Sha256;

/**
 * The layout of the models directory, which the training command writes and the service's registry
 * is seeded from, and the one integrity check on model artefacts ({@link #verify}). Files are named
 * after the model version, e.g. {@code distance-1.0.0.tribuo} (Tribuo protobuf),
 * {@code distance-1.0.0.card.json} and {@code distance-1.0.0.card.md}; {@code registry.json} names
 * the active version of each kind of model and the SHA-256 of its card, and the card holds the
 * SHA-256 of the model file. Reading checks both hashes before anything is deserialised, and refuses
 * files outside the models directory. This is the one parser of {@code registry.json}.
 */
public final class ModelFiles {

    /** Registry key of the distance model. */
    public static final String DISTANCE = "distance";
    public static final String REGISTRY_FILE = "registry.json";

    /** One kind of model in the registry: the active version and its card. */
    public record RegistryEntry(String activeVersion, String card, String cardSha256) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ModelFiles() {
    }

    public static String modelFileName(String modelVersion) {
        return modelVersion + ".tribuo";
    }

    public static String cardFileName(String modelVersion) {
        return modelVersion + ".card.json";
    }

    public static String markdownCardFileName(String modelVersion) {
        return modelVersion + ".card.md";
    }

    /**
     * Publishes a trained model into {@code modelsDir}: the Tribuo protobuf file, the card with that
     * file's SHA-256 (JSON and Markdown), and the registry entry that makes it the active distance
     * model. Returns the card as written.
     */
    public static ModelCard publish(Path modelsDir, DistanceModelTrainer.Result result) throws IOException {
        Files.createDirectories(modelsDir);
        Path modelFile = modelsDir.resolve(result.card().modelFile());
        result.model().tribuoModel().serializeToFile(modelFile);
        ModelCard card = result.card().withModelSha256(Sha256.hex(modelFile));
        writeCardAndActivate(modelsDir, card);
        return card;
    }

    /**
     * A trained model as a registry artefact, in memory: the Tribuo protobuf bytes and the card
     * (JSON) with their SHA-256. For a training run, which registers and writes no file.
     */
    public static ModelArtefact artefact(DistanceModelTrainer.Result result) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result.model().tribuoModel().serializeToStream(bytes);
        byte[] model = bytes.toByteArray();
        ModelCard card = result.card().withModelSha256(Sha256.hex(model));
        return new ModelArtefact(DISTANCE, card.modelVersion(), model, cardJson(card));
    }

    private static byte[] cardJson(ModelCard card) throws IOException {
        return (JSON.writeValueAsString(card) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void writeCardAndActivate(Path modelsDir, ModelCard card) throws IOException {
        byte[] cardJson = cardJson(card);
        Files.write(modelsDir.resolve(cardFileName(card.modelVersion())), cardJson);
        Files.writeString(modelsDir.resolve(markdownCardFileName(card.modelVersion())), ModelCardMarkdown.render(card));
        Map<String, RegistryEntry> registry = new TreeMap<>(readRegistryIfPresent(modelsDir));
        registry.put(DISTANCE, new RegistryEntry(card.modelVersion(), cardFileName(card.modelVersion()), Sha256.hex(cardJson)));
        Files.writeString(modelsDir.resolve(REGISTRY_FILE), JSON.writeValueAsString(registry) + "\n");
    }

    /**
     * Writes a file directly inside the models directory and makes it the active model of a kind
     * in the registry (other kinds' entries are kept). Returns the SHA-256 of the bytes written.
     */
    public static String writeAndRegister(Path modelsDir, String kind, String activeVersion, String cardFile,
                                          byte[] cardJson) throws IOException {
        Files.createDirectories(modelsDir);
        Files.write(modelsDir.resolve(cardFile), cardJson);
        String sha = Sha256.hex(cardJson);
        Map<String, RegistryEntry> registry = new TreeMap<>(readRegistryIfPresent(modelsDir));
        registry.put(kind, new RegistryEntry(activeVersion, cardFile, sha));
        Files.writeString(modelsDir.resolve(REGISTRY_FILE), JSON.writeValueAsString(registry) + "\n");
        return sha;
    }

    /**
     * The active model of one kind, read from the models directory and verified: the card against the
     * registry's SHA-256, the model file against the card's. Nothing is deserialised here.
     *
     * @throws ModelIntegrityException when the registry names no such model, or a file or hash is missing or wrong
     */
    public static ModelArtefact readActive(Path modelsDir, String kind) {
        RegistryEntry entry = readRegistryIfPresent(modelsDir).get(kind);
        if (entry == null) {
            throw new ModelIntegrityException("No active " + kind + " model in " + modelsDir.resolve(REGISTRY_FILE));
        }
        byte[] card = readInside(modelsDir, entry.card());
        verify(entry.card(), card, entry.cardSha256());
        String modelFile = cardField(card, entry.card(), "modelFile");
        ModelArtefact artefact = new ModelArtefact(kind, entry.activeVersion(), readInside(modelsDir, modelFile), card);
        verify(artefact, cardField(card, entry.card(), "modelSha256"), entry.cardSha256());
        return artefact;
    }

    /** The kinds of model the registry of a models directory names an active version for. */
    public static Set<String> activeKinds(Path modelsDir) {
        return readRegistryIfPresent(modelsDir).keySet();
    }

    /**
     * The integrity check, wherever an artefact comes from (the models directory or the registry
     * table): the model's bytes and the card match the SHA-256 values recorded for them, the card
     * vouches for the same model bytes, and it names the same version. Refuses on any mismatch.
     */
    public static void verify(ModelArtefact artefact, String expectedSha256, String expectedCardSha256) {
        String what = artefact.kind() + " model " + artefact.version();
        verify(what + " (card)", artefact.card(), expectedCardSha256);
        verify(what, artefact.bytes(), expectedSha256);
        String cardName = what + " (card)";
        verify(what + " (as its card names it)", artefact.bytes(), cardField(artefact.card(), cardName, "modelSha256"));
        String cardVersion = cardField(artefact.card(), cardName, "modelVersion");
        if (!cardVersion.equals(artefact.version())) {
            throw new ModelIntegrityException("The card of " + what + " describes " + cardVersion + "; refusing to load it");
        }
    }

    /** A distance model's card from its JSON. */
    public static ModelCard readCard(byte[] cardJson) {
        try {
            return JSON.readValue(cardJson, ModelCard.class);
        } catch (IOException e) {
            throw new ModelIntegrityException("Unreadable model card", e);
        }
    }

    private static String cardField(byte[] card, String cardName, String field) {
        try {
            JsonNode value = JSON.readTree(card).get(field);
            if (value == null || !value.isTextual()) {
                throw new ModelIntegrityException("Model card " + cardName + " names no " + field);
            }
            return value.asText();
        } catch (IOException e) {
            throw new ModelIntegrityException("Unreadable model card " + cardName, e);
        }
    }

    private static void verify(String file, byte[] bytes, String expectedSha256) {
        String actual = Sha256.hex(bytes);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new ModelIntegrityException("SHA-256 of " + file + " is " + actual + " but " + expectedSha256
                    + " was expected: the file was changed after it was published; refusing to load it");
        }
    }

    private static Map<String, RegistryEntry> readRegistryIfPresent(Path modelsDir) {
        Path registry = modelsDir.resolve(REGISTRY_FILE);
        if (!Files.exists(registry)) {
            return Map.of();
        }
        try {
            return JSON.readValue(registry.toFile(),
                    JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, RegistryEntry.class));
        } catch (IOException e) {
            throw new ModelIntegrityException("Unreadable registry " + registry, e);
        }
    }

    private static byte[] readInside(Path modelsDir, String fileName) {
        Path dir = modelsDir.toAbsolutePath().normalize();
        Path file = dir.resolve(fileName).normalize();
        if (!file.getParent().equals(dir)) {
            throw new ModelIntegrityException(fileName + " is not a file directly inside " + dir);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelIntegrityException("Cannot read " + file, e);
        }
    }
}
