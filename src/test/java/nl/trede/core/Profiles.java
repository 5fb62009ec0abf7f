package nl.trede.core;

import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;

/** Intake profiles for unit tests: every field missing unless given, so a test names only what it is about. */
public final class Profiles {

    private Profiles() {
    }

    /** @param fieldsAndValues pairs of a {@link ProfileField} and its value */
    public static IntakeProfile profile(Object... fieldsAndValues) {
        IntakeProfile profile = IntakeProfile.empty();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            profile = profile.with((ProfileField) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return profile;
    }
}
