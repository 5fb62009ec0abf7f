package nl.trede.modelcards;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.trede.api.NotFound;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the model cards, the registry and any evaluation reports from the models directory, for
 * people to look at. The cards are passed through as JSON objects rather than mapped onto a record:
 * they are written by the training command and grow with it, and this page must not break when
 * they do. Read on every request, so a newly promoted model shows without a restart.
 */
@ApplicationScoped
public class ModelCardService {

    private static final Logger LOG = Logger.getLogger(ModelCardService.class);
    private static final String CARD_SUFFIX = ".card.json";
    private static final String EVALUATION_SUFFIX = ".evaluation.json";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    public ModelCardService(@ConfigProperty(name = "trede.model-cards.directory") Path directory) {
        this.directory = directory;
    }

    public ModelOverview overview() {
        Map<String, RegistryEntry> registry = registry();
        Map<String, String> active = new TreeMap<>();
        registry.forEach((kind, entry) -> active.put(kind, entry.activeVersion()));
        List<ModelOverview.Card> cards = new ArrayList<>();
        List<ModelOverview.Report> evaluations = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(CARD_SUFFIX)) {
                read(file).ifPresent(card -> cards.add(card(name, card, registry)));
            } else if (name.endsWith(EVALUATION_SUFFIX)) {
                read(file).ifPresent(report -> evaluations.add(new ModelOverview.Report(name, report)));
            }
        }
        return new ModelOverview(active, cards, evaluations);
    }

    public ModelOverview.Card card(String modelVersion) {
        return overview().cards().stream()
                .filter(card -> card.modelVersion().equals(modelVersion))
                .findFirst()
                .orElseThrow(() -> new NotFound("Model version " + modelVersion));
    }

    private ModelOverview.Card card(String fileName, Map<String, Object> card, Map<String, RegistryEntry> registry) {
        String version = text(card, "modelVersion").or(() -> text(card, "version"))
                .orElse(fileName.substring(0, fileName.length() - CARD_SUFFIX.length()));
        Optional<RegistryEntry> entry = registry.values().stream().filter(e -> fileName.equals(e.card())).findFirst();
        boolean active = registry.values().stream().anyMatch(e -> version.equals(e.activeVersion()));
        Boolean hashMatches = entry.map(RegistryEntry::cardSha256)
                .map(expected -> expected.equalsIgnoreCase(sha256(directory.resolve(fileName))))
                .orElse(null);
        return new ModelOverview.Card(version, fileName, active, hashMatches, card);
    }

    /** The registry maps each kind of model to its active version; tolerant of fields it does not know. */
    private Map<String, RegistryEntry> registry() {
        Map<String, RegistryEntry> entries = new TreeMap<>();
        read(directory.resolve("registry.json")).ifPresent(root -> {
            root.forEach((kind, value) -> {
                if (value instanceof Map<?, ?> entry) {
                    text(entry, "activeVersion").ifPresent(version -> entries.put(kind,
                            new RegistryEntry(version, text(entry, "card").orElse(null), text(entry, "cardSha256").orElse(null))));
                }
            });
        });
        return entries;
    }

    private record RegistryEntry(String activeVersion, String card, String cardSha256) {
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("Cannot list model directory %s: %s", directory.toAbsolutePath(), e.getMessage());
            return List.of();
        }
    }

    /** A file that is missing or not JSON is left out (and logged) rather than failing the whole page. */
    private Optional<Map<String, Object>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(file.toFile(), OBJECT));
        } catch (IOException e) {
            LOG.warnf("Skipping %s: not readable JSON (%s)", file.getFileName(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Optional<String> text(Map<?, ?> object, String field) {
        return object.get(field) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
