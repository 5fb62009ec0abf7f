package nl.trede.models;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.distance.DistanceModel;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.ModelIntegrityException;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.effects.PriorEffectModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The model set the service answers with: at start-up, the registry's active models (the registry
 * is seeded from the models directory on first start), each verified against its SHA-256 before it
 * is deserialised. A model that fails the check stops the service from starting: better no advice
 * than advice from a file nobody vouches for.
 *
 * <p>The serving set is one reference: a request takes it once ({@link #current()}) and a switch
 * ({@link #activate(ModelSet)}) replaces the whole set in one atomic step, without a restart.
 * Requests that already hold the old set finish with it.
 */
@Startup
@ApplicationScoped
public class ActiveModels {

    private static final Logger LOG = Logger.getLogger(ActiveModels.class);

    private final AtomicReference<ModelSet> serving;

    public ActiveModels(ModelRegistry registry, @ConfigProperty(name = "trede.models.directory") Path modelsDirectory) {
        registry.seedIfEmpty(modelsDirectory);
        ModelSet set = load(registry.active(), Catalogue.STARTING);
        this.serving = new AtomicReference<>(set);
        LOG.infof("Serving model set %s", set.versions());
    }

    /** The set serving now; take it once per request and use only it. */
    public ModelSet current() {
        return serving.get();
    }

    /** Makes {@code next} the serving set in one step; returns the set it replaced. */
    public ModelSet activate(ModelSet next) {
        ModelSet previous = serving.getAndSet(Objects.requireNonNull(next));
        LOG.infof("Serving model set %s (was %s)", next.versions(), previous.versions());
        return previous;
    }

    /**
     * The set of the given active artefacts, by kind. Without a learned effect model the service
     * answers with the catalogue's literature priors.
     */
    static ModelSet load(Map<String, ModelArtefact> active, Catalogue catalogue) {
        ModelArtefact distance = active.get(ModelFiles.DISTANCE);
        if (distance == null) {
            throw new ModelIntegrityException("The model registry has no active " + ModelFiles.DISTANCE + " model");
        }
        ModelArtefact learned = active.get(LearnedEffectModel.KIND);
        EffectModel effects;
        if (learned == null) {
            LOG.warn("No active effect model: expected effects are the catalogue's literature priors");
            effects = new PriorEffectModel();
        } else {
            effects = LearnedEffectModel.fromBytes(learned.bytes(), learned.card());
        }
        DistanceModel distanceModel = TribuoDistanceModel.fromBytes(distance.bytes(), distance.card());
        return new ModelSet(distanceModel, effects, catalogue);
    }
}
