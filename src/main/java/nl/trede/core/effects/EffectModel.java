package nl.trede.core.effects;

import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;

/** Client-specific expected effects of interventions. */
public interface EffectModel {

    String version();

    /**
     * @param baselineChance the client's chance of paid work within 12 months without help, as the
     *                       service states it (the distance score): an effect can depend on it
     *                       (lock-in), and one number must speak for it on the klantmanager's page
     */
    EffectEstimate estimate(IntakeProfile profile, double baselineChance, Intervention intervention, int horizonMonths);
}
