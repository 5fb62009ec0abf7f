package nl.trede.core.profile;

import static nl.trede.core.profile.ProfileField.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        return of(f -> f == field ? value : f.valueOf(this));
    }

    /** A profile with no field given. */
    public static IntakeProfile empty() {
        return of(field -> null);
    }

    /**
     * The profile with each field's value taken from {@code values}; a value of another type than
     * the field's declared one is refused (ClassCastException), never dropped.
     */
    public static IntakeProfile of(Function<ProfileField, ?> values) {
        return new IntakeProfile(value(AGE, values), value(EDUCATION_LEVEL, values), value(DUTCH_LANGUAGE_LEVEL, values),
                value(MONTHS_ON_BENEFIT, values), value(MONTHS_SINCE_LAST_JOB, values), value(YEARS_WORK_EXPERIENCE, values),
                value(HEALTH_LIMITATION, values), value(CARE_DUTIES, values), value(PROBLEMATIC_DEBTS, values),
                value(UNSTABLE_HOUSING, values), value(DRIVING_LICENCE, values), value(MOTIVATION, values),
                value(JOB_SEARCH_SELF_EFFICACY, values), value(EXPECTS_WORK, values), value(PARTICIPATION_RUNG, values),
                value(LABOUR_MARKET_TIGHTNESS, values));
    }

    @SuppressWarnings("unchecked") // checked at run time by the declared type's cast
    private static <T> T value(ProfileField field, Function<ProfileField, ?> values) {
        return (T) field.type().cast(values.apply(field));
    }
}
