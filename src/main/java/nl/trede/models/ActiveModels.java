package nl.trede.models;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.distance.DistanceModel;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.effects.LearnedEffectModel;
import nl.trede.core.effects.PriorEffectModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The model set the service answers with. Looked up at start-up from the registry in the models
 * directory (not hard-wired), each model checked against its SHA-256 before it is deserialised. A
 * model that fails the check stops the service from starting: better no advice than advice from a
 * file nobody vouches for.
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

    public ActiveModels(@ConfigProperty(name = "trede.models.directory") Path modelsDirectory) {
        DistanceModel distanceModel = TribuoDistanceModel.loadActive(modelsDirectory);
        EffectModel effectModel;
        // The learned effect model when the registry names one (hash-checked like the distance model:
        // a mismatch stops the start-up); an installation without one answers with literature priors.
        if (ModelFiles.hasActive(modelsDirectory, LearnedEffectModel.KIND)) {
            effectModel = LearnedEffectModel.loadActive(modelsDirectory);
        } else {
            LOG.warnf("No effect model in %s: expected effects are the catalogue's literature priors", modelsDirectory);
            effectModel = new PriorEffectModel();
        }
        this.serving = new AtomicReference<>(new ModelSet(distanceModel, effectModel, Catalogue.STARTING));
        LOG.infof("Loaded distance model %s and effect model %s from %s",
                distanceModel.version(), effectModel.version(), modelsDirectory.toAbsolutePath());
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
}
