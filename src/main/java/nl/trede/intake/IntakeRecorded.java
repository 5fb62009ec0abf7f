package nl.trede.intake;

import java.util.UUID;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.models.ModelSet;

/**
 * An intake was recorded, fired inside its transaction (observers that must not hold it up observe
 * it after the commit): the profile as scored and the model set that scored it.
 */
public record IntakeRecorded(UUID intakeId, UUID clientId, String municipalityCode, IntakeProfile profile, double probability,
                             ModelSet scoredWith) {
}
