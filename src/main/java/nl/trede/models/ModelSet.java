package nl.trede.models;

import java.util.Objects;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.distance.DistanceModel;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.recommend.ShownAdvice;

/**
 * The models one request answers with: distance model, effect model and intervention catalogue,
 * each with its version. Immutable; a request takes one set from {@link ActiveModels#current()} at
 * its start and reads every model and every version from that set, so a switch of the active set
 * halfway through a request cannot give it a score of one version and advice of another.
 */
public record ModelSet(DistanceModel distance, EffectModel effects, Catalogue catalogue) {

    public ModelSet {
        Objects.requireNonNull(distance);
        Objects.requireNonNull(effects);
        Objects.requireNonNull(catalogue);
    }

    /** The versions of this set, as advice records them. */
    public ShownAdvice.Versions versions() {
        return new ShownAdvice.Versions(distance.version(), effects.version(), catalogue.version());
    }
}
