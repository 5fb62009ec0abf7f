package nl.trede.core.recommend;

import java.util.List;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.effects.EffectEstimate;

/**
 * An eligible intervention with its expected effect for the client, and the codes of the
 * interventions whose effect is statistically indistinguishable from this one.
 */
public record RankedIntervention(Intervention intervention, EffectEstimate effect, List<String> tiedWith) {
}
