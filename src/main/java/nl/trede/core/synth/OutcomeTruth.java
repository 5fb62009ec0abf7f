package nl.trede.core.synth;

import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;

/**
 * The ground truth of a simulated history: for a complete profile, the true probability of paid
 * work within 12 and within 24 months under every intervention of {@link Catalogue#STARTING}.
 * Only the simulator and the evaluation against it ({@code nl.trede.core.groundtruth}) may see it.
 */
public interface OutcomeTruth {

    /** Logit of the true 12-month probability without intervention; what a klantmanager's impression of a client follows. */
    double baselineLogit(IntakeProfile complete);

    /**
     * True probabilities, rows in {@link Catalogue#STARTING} order, column 0 within 12 months and
     * column 1 within 24 months; the 24-month probability is never below the 12-month one.
     */
    double[][] probabilities(IntakeProfile complete);

    /**
     * The true effect modifiers of an intervention: functions of the complete profile in which the
     * client's effect at either horizon is linear (up to the clamping of probabilities to [0, 1]).
     * Empty for an effect that is the same for every client. For a learner that is handed them, as
     * a ceiling; never for a learner under test.
     */
    double[] effectModifiers(IntakeProfile complete, Intervention intervention);
}
