package nl.trede.models;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
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
 * The models the service answers with, looked up at start-up from the registry in the models
 * directory (not hard-wired), each checked against its SHA-256 before it is deserialised. A model
 * that fails the check stops the service from starting: better no advice than advice from a file
 * nobody vouches for.
 */
@Startup
@ApplicationScoped
public class ActiveModels {

    private static final Logger LOG = Logger.getLogger(ActiveModels.class);

    private final DistanceModel distanceModel;
    private final EffectModel effectModel;
    private final Catalogue catalogue = Catalogue.STARTING;

    public ActiveModels(@ConfigProperty(name = "trede.models.directory") Path modelsDirectory) {
        this.distanceModel = TribuoDistanceModel.loadActive(modelsDirectory);
        // The learned effect model when the registry names one (hash-checked like the distance model:
        // a mismatch stops the start-up); an installation without one answers with literature priors.
        if (ModelFiles.hasActive(modelsDirectory, LearnedEffectModel.KIND)) {
            this.effectModel = LearnedEffectModel.loadActive(modelsDirectory);
        } else {
            LOG.warnf("No effect model in %s: expected effects are the catalogue's literature priors", modelsDirectory);
            this.effectModel = new PriorEffectModel();
        }
        LOG.infof("Loaded distance model %s and effect model %s from %s",
                distanceModel.version(), effectModel.version(), modelsDirectory.toAbsolutePath());
    }

    public DistanceModel distance() {
        return distanceModel;
    }

    public EffectModel effects() {
        return effectModel;
    }

    public Catalogue catalogue() {
        return catalogue;
    }
}
