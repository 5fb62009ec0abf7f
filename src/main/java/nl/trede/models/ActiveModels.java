package nl.trede.models;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * Requests that already hold the old set finish with it. {@link #follow()} makes the serving set
 * (and the shadow set, loaded and verified beside it so that its promotion needs no second load, and
 * which {@code nl.trede.shadow.ShadowScoring} lets score every new intake, never shown) the versions
 * the registry's pointer names:
 * {@link RegistryPointerPoller} calls it every few seconds, so every instance on the database
 * follows a promotion or rollback made on any of them.
 */
@Startup
@ApplicationScoped
public class ActiveModels {

    private static final Logger LOG = Logger.getLogger(ActiveModels.class);

    /** A set with the registry's number of its version. */
    public record Numbered(long version, ModelSet set) {
    }

    /** What this instance serves and shadows, swapped as one. */
    private record Serving(Numbered active, Numbered shadow) {
    }

    private final ModelRegistry registry;
    private final AtomicReference<Serving> serving;

    public ActiveModels(ModelRegistry registry, @ConfigProperty(name = "trede.models.directory") Path modelsDirectory) {
        this.registry = registry;
        registry.seedIfEmpty(modelsDirectory);
        ModelRegistry.Pointer pointer = registry.pointer();
        this.serving = new AtomicReference<>(new Serving(load(pointer.active()),
                pointer.shadow() == null ? null : load(pointer.shadow())));
        LOG.infof("Serving model version %d: %s", pointer.active(), current().versions());
    }

    /** The set serving now; take it once per request and use only it. */
    public ModelSet current() {
        return serving.get().active().set();
    }

    /** The registry's number of the version serving now. */
    public long currentVersion() {
        return serving.get().active().version();
    }

    /** The version shadowing the serving one, if any: it scores live intakes beside it, and is never shown. */
    public Optional<Numbered> shadow() {
        return Optional.ofNullable(serving.get().shadow());
    }

    /** Makes {@code next} the serving set in one step, under the serving version's number; returns the set it replaced. */
    public ModelSet activate(ModelSet next) {
        Objects.requireNonNull(next);
        Serving previous = serving.getAndUpdate(s -> new Serving(new Numbered(s.active().version(), next), s.shadow()));
        LOG.infof("Serving model set %s (was %s)", next.versions(), previous.active().set().versions());
        return previous.active().set();
    }

    /**
     * Serves and shadows the versions the registry's pointer names now, loading (and verifying) only
     * what changed. Returns whether anything changed.
     */
    public synchronized boolean follow() {
        ModelRegistry.Pointer pointer = registry.pointer();
        Serving now = serving.get();
        boolean activeChanged = pointer.active() != null && pointer.active() != now.active().version();
        Long shadowNow = now.shadow() == null ? null : now.shadow().version();
        boolean shadowChanged = !Objects.equals(pointer.shadow(), shadowNow);
        if (!activeChanged && !shadowChanged) {
            return false;
        }
        Numbered active = activeChanged ? reuseOrLoad(pointer.active(), now) : now.active();
        Numbered shadow = pointer.shadow() == null ? null : shadowChanged ? reuseOrLoad(pointer.shadow(), now) : now.shadow();
        serving.set(new Serving(active, shadow));
        LOG.infof("Serving model version %d %s (was %d), shadow %s", active.version(), active.set().versions(),
                now.active().version(), shadow == null ? "none" : Long.toString(shadow.version()));
        return true;
    }

    /** A promotion of the shadow or a rollback to it needs no second load. */
    private Numbered reuseOrLoad(long version, Serving now) {
        if (now.shadow() != null && now.shadow().version() == version) {
            return now.shadow();
        }
        if (now.active().version() == version) {
            return now.active();
        }
        return load(version);
    }

    private Numbered load(long version) {
        return new Numbered(version, load(registry.artefacts(version).byKind(), Catalogue.STARTING));
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
