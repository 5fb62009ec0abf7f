package nl.trede.core.effects;

import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;

/** Client-specific expected effects of interventions. */
public interface EffectModel {

    String version();

    EffectEstimate estimate(IntakeProfile profile, Intervention intervention, int horizonMonths);
}
