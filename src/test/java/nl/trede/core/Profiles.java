package nl.trede.core;

import java.util.Map;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;

/** Intake profiles for unit tests: every field missing unless given, so a test names only what it is about. */
public final class Profiles {

    private Profiles() {
    }

    /** A value for every field, each different from the others of its type (so a swap of two would show). */
    private static final Map<ProfileField, Object> COMPLETE = Map.ofEntries(
            Map.entry(ProfileField.AGE, 34), Map.entry(ProfileField.EDUCATION_LEVEL, EducationLevel.HBO),
            Map.entry(ProfileField.DUTCH_LANGUAGE_LEVEL, LanguageLevel.B2), Map.entry(ProfileField.MONTHS_ON_BENEFIT, 14),
            Map.entry(ProfileField.MONTHS_SINCE_LAST_JOB, 20), Map.entry(ProfileField.YEARS_WORK_EXPERIENCE, 6),
            Map.entry(ProfileField.HEALTH_LIMITATION, HealthLimitation.SOME), Map.entry(ProfileField.CARE_DUTIES, true),
            Map.entry(ProfileField.PROBLEMATIC_DEBTS, false), Map.entry(ProfileField.UNSTABLE_HOUSING, true),
            Map.entry(ProfileField.DRIVING_LICENCE, false), Map.entry(ProfileField.MOTIVATION, 4),
            Map.entry(ProfileField.JOB_SEARCH_SELF_EFFICACY, 2), Map.entry(ProfileField.EXPECTS_WORK, true),
            Map.entry(ProfileField.PARTICIPATION_RUNG, 3), Map.entry(ProfileField.LABOUR_MARKET_TIGHTNESS, 0.9));

    /** A profile with every field given. */
    public static IntakeProfile complete() {
        return IntakeProfile.of(COMPLETE::get);
    }

    /** The value {@link #complete()} gives the field. */
    public static Object completeValue(ProfileField field) {
        return COMPLETE.get(field);
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
