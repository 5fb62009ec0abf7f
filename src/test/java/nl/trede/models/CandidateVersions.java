package nl.trede.models;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.report.CandidateEvaluation;
import nl.trede.core.report.EvaluationReport;
import nl.trede.core.report.ProtectedAttributes;
import nl.trede.core.synth.PopulationGenerator;
import nl.trede.core.synth.SimulatedClient;
import nl.trede.core.synth.SyntheticPopulation;
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
        String artefact = registerDistanceArtefact(registry).version();
        long number = registry.nextVersionNumber();
        byte[] report = withReport ? ("{\"candidate\":" + number + ",\"verdict\":\"test report\"}").getBytes(StandardCharsets.UTF_8) : null;
        byte[] html = withReport ? "<!DOCTYPE html><title>report</title><p>test report</p>".getBytes(StandardCharsets.UTF_8) : null;
        return registry.registerVersion(number, new ModelRegistry.NewVersion(artefact, shippedEffects(), "{\"source\":\"test\"}",
                "test", report, html, registry.pointer().active()));
    }

    /**
     * Registers a new version with a real evaluation report against the active version, made by
     * {@link CandidateEvaluation} on a simulated held-out population of the given size.
     */
    public static long registerEvaluated(ModelRegistry registry, int clients) {
        ModelArtefact artefact = registerDistanceArtefact(registry);
        long active = registry.pointer().active();
        ModelSet activeSet = ActiveModels.load(registry.artefacts(active).byKind(), Catalogue.STARTING);
        ModelSet candidateSet = ActiveModels.load(Map.of(ModelFiles.DISTANCE, artefact), Catalogue.STARTING);
        SyntheticPopulation population = new PopulationGenerator().generate(clients, 777);
        Map<IntakeProfile, SimulatedClient> clientOf = new IdentityHashMap<>();
        population.clients().forEach(c -> clientOf.put(c.profile(), c));
        List<CandidateEvaluation.HeldOutRecord> heldOut = population.trainingData().records().stream()
                .map(r -> new CandidateEvaluation.HeldOutRecord(r, new ProtectedAttributes(Optional.of(clientOf.get(r.profile()).gender().name()),
                        Optional.of(clientOf.get(r.profile()).migrationBackground() ? "OUTSIDE_EUROPE" : "NONE")))).toList();
        EvaluationReport report = CandidateEvaluation.evaluate(
                new CandidateEvaluation.ModelSet(candidateSet.distance(), activeSet.effects()),
                new CandidateEvaluation.ModelSet(activeSet.distance(), activeSet.effects()), Catalogue.STARTING,
                "simulated, seed 777", heldOut, CandidateEvaluation.Settings.defaults());
        return registry.registerVersion(registry.nextVersionNumber(), new ModelRegistry.NewVersion(artefact.version(), shippedEffects(),
                "{\"source\":\"test\",\"data\":{\"records\":" + clients + "}}", "test",
                report.toJson().getBytes(StandardCharsets.UTF_8), report.toHtml().getBytes(StandardCharsets.UTF_8), active));
    }

    /**
     * Registers a version that answers differently from the shipped set: the shipped distance model's
     * bytes with its calibration's intercept set to {@code calibrationIntercept} (a higher one raises
     * every probability), and no learned effect model, so its advice ranks by the literature priors.
     */
    public static long registerDifferent(ModelRegistry registry, double calibrationIntercept) {
        String artefact = registerDistanceArtefact(registry, calibrationIntercept).version();
        long number = registry.nextVersionNumber();
        return registry.registerVersion(number, new ModelRegistry.NewVersion(artefact, null, "{\"source\":\"test\"}", "test",
                ("{\"candidate\":" + number + "}").getBytes(StandardCharsets.UTF_8),
                "<!DOCTYPE html><title>report</title><p>test report</p>".getBytes(StandardCharsets.UTF_8), registry.pointer().active()));
    }

    /** Registers the shipped distance model's bytes under a card naming a new artefact version. */
    private static ModelArtefact registerDistanceArtefact(ModelRegistry registry) {
        return registerDistanceArtefact(registry, null);
    }

    /** The same, with the card's calibration intercept replaced unless it is null. */
    private static ModelArtefact registerDistanceArtefact(ModelRegistry registry, Double calibrationIntercept) {
        String artefact = "distance-1.0.0-candidate-" + UUID.randomUUID();
        ModelArtefact shipped = ModelFiles.readActive(Path.of("models"), ModelFiles.DISTANCE);
        String text = new String(shipped.card(), StandardCharsets.UTF_8)
                .replace("\"modelVersion\" : \"distance-1.0.0\"", "\"modelVersion\" : \"" + artefact + "\"");
        if (calibrationIntercept != null) {
            text = text.replaceFirst("\"intercept\" : [-0-9.eE]+", "\"intercept\" : " + calibrationIntercept);
        }
        byte[] card = text.getBytes(StandardCharsets.UTF_8);
        registry.register(ModelFiles.DISTANCE, artefact, shipped.bytes(), card);
        return new ModelArtefact(ModelFiles.DISTANCE, artefact, shipped.bytes(), card);
    }

    private static String shippedEffects() {
        return ModelFiles.readActive(Path.of("models"), LearnedEffectModel.KIND).version();
    }

    public static String distanceOf(ModelRegistry registry, long version) {
        return registry.artefacts(version).byKind().get(ModelFiles.DISTANCE).version();
    }
}
