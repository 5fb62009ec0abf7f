package nl.trede.models;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.effects.LearnedEffectModel;

/**
 * Candidate versions for registry tests without training: the shipped distance model's bytes under
 * a card that names another artefact version (the card still vouches for the bytes), beside the
 * shipped effect model. Scores then name the new artefact version, so a test sees which version answered.
 */
public final class CandidateVersions {

    private CandidateVersions() {
    }

    /** Registers a new version; with a report unless {@code withReport} is false. Returns its number. */
    public static long register(ModelRegistry registry, boolean withReport) {
        String artefact = "distance-1.0.0-candidate-" + UUID.randomUUID();
        ModelArtefact shipped = ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE);
        byte[] card = new String(shipped.card(), StandardCharsets.UTF_8)
                .replace("\"modelVersion\" : \"distance-1.0.0\"", "\"modelVersion\" : \"" + artefact + "\"")
                .getBytes(StandardCharsets.UTF_8);
        registry.register(ModelFiles.DISTANCE, artefact, shipped.bytes(), card);
        String effects = ModelFiles.readActive(Path.of("models"), LearnedEffectModel.KIND).version();
        long number = registry.nextVersionNumber();
        byte[] report = withReport ? ("{\"candidate\":" + number + ",\"verdict\":\"test report\"}").getBytes(StandardCharsets.UTF_8) : null;
        byte[] html = withReport ? "<!DOCTYPE html><title>report</title><p>test report</p>".getBytes(StandardCharsets.UTF_8) : null;
        return registry.registerVersion(number, new ModelRegistry.NewVersion(artefact, effects, "{\"source\":\"test\"}",
                "test", report, html, registry.pointer().active()));
    }

    public static String distanceOf(ModelRegistry registry, long version) {
        return registry.artefacts(version).byKind().get(ModelFiles.DISTANCE).version();
    }
}
