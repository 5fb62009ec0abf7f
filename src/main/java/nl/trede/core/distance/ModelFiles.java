package nl.trede.core.distance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The layout of the models directory and the integrity checks on it. Files are named after the
 * model version, e.g. {@code distance-1.0.0.tribuo} (Tribuo protobuf), {@code distance-1.0.0.card.json}
 * and {@code distance-1.0.0.card.md}; {@code registry.json} names the active version of each kind of model and the
 * SHA-256 of its card, and the card holds the SHA-256 of the model file. Loading checks both hashes
 * before anything is deserialized, and refuses files outside the models directory.
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
        ModelCard card = result.card().withModelSha256(sha256(modelFile));
        writeCardAndActivate(modelsDir, card);
        return card;
    }

    private static void writeCardAndActivate(Path modelsDir, ModelCard card) throws IOException {
        byte[] cardJson = (JSON.writeValueAsString(card) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(modelsDir.resolve(cardFileName(card.modelVersion())), cardJson);
        Files.writeString(modelsDir.resolve(markdownCardFileName(card.modelVersion())), ModelCardMarkdown.render(card));
        Map<String, RegistryEntry> registry = new TreeMap<>(readRegistryIfPresent(modelsDir));
        registry.put(DISTANCE, new RegistryEntry(card.modelVersion(), cardFileName(card.modelVersion()), sha256(cardJson)));
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
        String sha = sha256(cardJson);
        Map<String, RegistryEntry> registry = new TreeMap<>(readRegistryIfPresent(modelsDir));
        registry.put(kind, new RegistryEntry(activeVersion, cardFile, sha));
        Files.writeString(modelsDir.resolve(REGISTRY_FILE), JSON.writeValueAsString(registry) + "\n");
        return sha;
    }

    /** Reads a file directly inside the models directory after checking its SHA-256; refuses a mismatch. */
    public static byte[] readVerified(Path modelsDir, String fileName, String expectedSha256) {
        byte[] bytes = readInside(modelsDir, fileName);
        verify(fileName, bytes, expectedSha256);
        return bytes;
    }

    /** Whether the registry names an active model of this kind. */
    public static boolean hasActive(Path modelsDir, String kind) {
        return readRegistryIfPresent(modelsDir).containsKey(kind);
    }

    /** The active entry of one kind of model. */
    public static RegistryEntry activeEntry(Path modelsDir, String kind) {
        RegistryEntry entry = readRegistryIfPresent(modelsDir).get(kind);
        if (entry == null) {
            throw new ModelIntegrityException("No active " + kind + " model in " + modelsDir.resolve(REGISTRY_FILE));
        }
        return entry;
    }

    /** Reads a card after checking it against the registry's hash (when the registry gives one). */
    public static ModelCard readCard(Path modelsDir, String cardFile, String expectedSha256) {
        byte[] bytes = readInside(modelsDir, cardFile);
        if (expectedSha256 != null) {
            verify(cardFile, bytes, expectedSha256);
        }
        try {
            return JSON.readValue(bytes, ModelCard.class);
        } catch (IOException e) {
            throw new ModelIntegrityException("Unreadable model card " + cardFile, e);
        }
    }

    /** Reads the model file named by the card, verifies its SHA-256, and only then deserializes it. */
    @SuppressWarnings("unchecked")
    public static Model<Label> readModel(Path modelsDir, ModelCard card) {
        byte[] bytes = readInside(modelsDir, card.modelFile());
        verify(card.modelFile(), bytes, card.modelSha256());
        try {
            Model<?> model = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
            if (!model.validate(Label.class)) {
                throw new ModelIntegrityException(card.modelFile() + " is not a classification model");
            }
            return (Model<Label>) model;
        } catch (IOException e) {
            throw new ModelIntegrityException("Cannot deserialize " + card.modelFile(), e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static void verify(String file, byte[] bytes, String expectedSha256) {
        String actual = sha256(bytes);
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
