package nl.trede.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts gathered at an intake or reassessment. Every field may be missing (null), except
 * {@code monthsSinceLastJob}, where null means the client never had a paid job.
 *
 * <p>Protected attributes (gender, migration background, …) are deliberately absent: they are
 * never features of any model.
 */
public record IntakeProfile(
        Integer age,
        EducationLevel educationLevel,
        LanguageLevel dutchLanguageLevel,
        Integer monthsOnBenefit,
        Integer monthsSinceLastJob,
        Integer yearsWorkExperience,
        HealthLimitation healthLimitation,
        Boolean careDuties,
        Boolean problematicDebts,
        Boolean unstableHousing,
        Boolean drivingLicence,
        Integer motivation,
        Integer jobSearchSelfEfficacy,
        Boolean expectsWork,
        Integer participationRung,
        Double labourMarketTightness) {

    /** Names of the fields that were not given, in declaration order (never-worked is not missing). */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        for (ProfileField field : ProfileField.values()) {
            if (field.canBeMissing() && field.valueOf(this) == null) {
                missing.add(field.fieldName());
            }
        }
        return missing;
    }

    /** A copy with one field replaced; used to explain scores by changing one fact at a time. */
    public IntakeProfile with(ProfileField field, Object value) {
        Object[] values = new Object[ProfileField.values().length];
        for (ProfileField f : ProfileField.values()) {
            values[f.ordinal()] = f == field ? value : f.valueOf(this);
        }
        return new IntakeProfile(
                (Integer) values[0], (EducationLevel) values[1], (LanguageLevel) values[2],
                (Integer) values[3], (Integer) values[4], (Integer) values[5],
                (HealthLimitation) values[6], (Boolean) values[7], (Boolean) values[8],
                (Boolean) values[9], (Boolean) values[10], (Integer) values[11],
                (Integer) values[12], (Boolean) values[13], (Integer) values[14], (Double) values[15]);
    }
}
