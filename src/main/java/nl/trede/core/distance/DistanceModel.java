package nl.trede.core.distance;

import nl.trede.core.profile.IntakeProfile;

/** A trained model of P(paid work within 12 months without intervention | profile). */
public interface DistanceModel {

    /** The version that every record produced with this model carries. */
    String version();

    DistanceScore score(IntakeProfile profile);
}
