package nl.trede.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.trede.api.NotFound;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.effects.LearnedEffectModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The registry for people to look at: its numbered versions with status, provenance and report, the
 * history of what was live when, every card in the registry, marked active when its version is in
 * the set serving now (not what a file says), and the evaluation reports
 * ({@code *.evaluation.json}) found in the evaluations directory at start-up. Cards are passed
 * through as JSON objects rather than mapped onto a record: the training command writes them and
 * grows them, and this page must not break when it does.
 */
@ApplicationScoped
public class ModelCards {

    private static final Logger LOG = Logger.getLogger(ModelCards.class);
    private static final String EVALUATION_SUFFIX = ".evaluation.json";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;
    private final ActiveModels active;
    private final ModelPromotions promotions;
    private final List<ModelOverview.Report> evaluations;

    public ModelCards(ModelRegistry registry, ActiveModels active, ModelPromotions promotions,
                      @ConfigProperty(name = "trede.models.evaluations-directory") Path evaluationsDirectory) {
        this.registry = registry;
        this.active = active;
        this.promotions = promotions;
        this.evaluations = evaluations(evaluationsDirectory);
    }

    public ModelOverview overview() {
        ModelSet serving = active.current();
        Map<String, String> versions = new TreeMap<>(Map.of(ModelFiles.DISTANCE, serving.distance().version(),
                LearnedEffectModel.KIND, serving.effects().version(), Catalogue.KIND, serving.catalogue().version()));
        Set<String> servingVersions = Set.copyOf(versions.values());
        List<ModelOverview.Card> cards = registry.cards().stream()
                .map(c -> new ModelOverview.Card(c.version(), c.kind(), servingVersions.contains(c.version()),
                        c.matchesItsHash(), read(c.card()).orElse(Map.of())))
                .toList();
        List<ModelEvent> history = registry.events();
        return new ModelOverview(versions, active.currentVersion(), versions(history), history, promotions.promotions(), cards,
                evaluations);
    }

    /** Every version with its status, which follows from the pointer and the history (never stored apart). */
    private List<ModelOverview.Version> versions(List<ModelEvent> history) {
        ModelRegistry.Pointer pointer = registry.pointer();
        Set<Long> everActive = history.stream().filter(e -> ModelEvent.Kind.ACTIVATING.contains(e.kind()))
                .map(ModelEvent::toVersion).collect(Collectors.toSet());
        return registry.versions().stream().map(v -> {
            ModelOverview.Status status = Long.valueOf(v.version).equals(pointer.active()) ? ModelOverview.Status.ACTIVE
                    : Long.valueOf(v.version).equals(pointer.shadow()) ? ModelOverview.Status.SHADOW
                    : everActive.contains(v.version) ? ModelOverview.Status.RETIRED : ModelOverview.Status.CANDIDATE;
            ModelOverview.ReportLink report = v.reportSha256 == null ? null
                    : new ModelOverview.ReportLink(v.reportSha256, v.evaluatedAgainst, "/api/v1/models/" + v.version + "/report");
            return new ModelOverview.Version(v.version, status, v.distanceVersion, v.effectsVersion, v.catalogueVersion,
                    v.registeredAt, v.registeredBy, read(v.provenance.getBytes(StandardCharsets.UTF_8)).orElse(Map.of()), report);
        }).toList();
    }

    /** The version that was live at {@code at}. */
    public ModelOverview.Live liveAt(Instant at) {
        ModelEvent since = registry.liveAt(at).orElseThrow(() -> new NotFound("A model version live at " + at
                + " (the registry's history starts later)"));
        ModelVersionRow version = registry.version(since.toVersion()).orElseThrow();
        return new ModelOverview.Live(version.version, version.distanceVersion, version.effectsVersion, version.catalogueVersion,
                at, since);
    }

    /** A version's evaluation report, JSON or HTML. */
    public byte[] report(long version, boolean html) {
        ModelVersionRow row = registry.version(version).orElseThrow(() -> new NotFound("Model version " + version));
        byte[] report = html ? row.reportHtml : row.reportJson;
        if (report == null) {
            throw new NotFound("An evaluation report of model version " + version);
        }
        return report;
    }

    public ModelOverview.Card card(String modelVersion) {
        return overview().cards().stream()
                .filter(card -> card.modelVersion().equals(modelVersion))
                .findFirst()
                .orElseThrow(() -> new NotFound("Model version " + modelVersion));
    }

    /** Reports are documents written by people and tools outside the service; one that is not JSON is left out and logged. */
    private static List<ModelOverview.Report> evaluations(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(EVALUATION_SUFFIX))
                    .sorted()
                    .flatMap(f -> readFile(f).map(report -> new ModelOverview.Report(f.getFileName().toString(), report)).stream())
                    .toList();
        } catch (IOException e) {
            LOG.warnf("Cannot list evaluation reports in %s: %s", directory.toAbsolutePath(), e.getMessage());
            return List.of();
        }
    }

    private static Optional<Map<String, Object>> readFile(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            LOG.warnf("Skipping %s: %s", file.getFileName(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Object>> read(byte[] json) {
        try {
            return Optional.ofNullable(JSON.readValue(json, OBJECT));
        } catch (IOException e) {
            LOG.warnf("Skipping a document that is not readable JSON (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
