package nl.trede.core.distance;

import java.util.List;
import nl.trede.core.profile.IntakeProfile;

/** A trained model of P(paid work within 12 months without intervention | profile). */
public interface DistanceModel {

    /** The version that every record produced with this model carries. */
    String version();

    DistanceScore score(IntakeProfile profile);

    /** The probabilities of many profiles, without factors (for evaluation); a model may batch them. */
    default double[] probabilities(List<IntakeProfile> profiles) {
        return profiles.stream().mapToDouble(p -> score(p).probability()).toArray();
    }
}
