package nl.trede.core.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns an {@link IntakeProfile} into model features, the same way for every model: one-hot
 * columns for categorical fields, scaled numeric columns with transforms that suit their shape
 * (logarithms for long-tailed durations, hinges for age, the CBS duration classes), and for every
 * field that can be missing an explicit {@code <field>:missing} indicator, with the field's value
 * columns at zero, so a model learns what a gap means instead of an imputed value.
 *
 * <p>Only the intake is encoded; protected attributes (gender, migration background, …) are not
 * part of {@link IntakeProfile} and can therefore never become features. Column names and order are
 * stable within an {@link #VERSION encoding version}, so a causal-effect learner can reuse the
 * {@code double[]} form.
 */
public final class FeatureEncoder {

    /** Changes whenever a column is added, removed or transformed differently. */
    public static final String VERSION = "intake-features-1";

    private static final String MISSING = ":missing";

    private final List<String> columns;

    public FeatureEncoder() {
        List<String> names = new ArrayList<>();
        encode(null, names, null);
        columns = Collections.unmodifiableList(names);
    }

    /** The column names, in the order of {@link #encode(IntakeProfile)}. */
    public List<String> columnNames() {
        return columns;
    }

    public int dimension() {
        return columns.size();
    }

    /** The feature vector of a profile, one value per {@link #columnNames() column}. */
    public double[] encode(IntakeProfile profile) {
        double[] values = new double[columns.size()];
        encode(profile, null, values);
        return values;
    }

    /** The profile as a Tribuo example with the given output (a label when training, any when predicting). */
    public <T extends Output<T>> Example<T> toExample(IntakeProfile profile, T output) {
        return new ArrayExample<>(output, columns.toArray(String[]::new), encode(profile));
    }

    /**
     * Single source of truth for the layout: with {@code names} non-null it lists the columns, with
     * {@code values} non-null it fills them. Keeping both in one walk is what keeps them aligned.
     */
    private static void encode(IntakeProfile p, List<String> names, double[] values) {
        Columns c = new Columns(names, values);

        Integer age = p == null ? null : p.age();
        c.missing(ProfileField.AGE, age == null);
        c.put("age", age == null ? 0 : (age - 40) / 12.0);
        c.put("age:under27", age == null ? 0 : Math.max(0, 27 - age) / 9.0);
        c.put("age:over45", age == null ? 0 : Math.max(0, age - 45) / 10.0);
        c.put("age:over60", age == null || age < 60 ? 0 : 1);

        c.oneHot(ProfileField.EDUCATION_LEVEL, EducationLevel.values(), p == null ? null : p.educationLevel());
        c.oneHot(ProfileField.DUTCH_LANGUAGE_LEVEL, LanguageLevel.values(), p == null ? null : p.dutchLanguageLevel());

        Integer months = p == null ? null : p.monthsOnBenefit();
        c.missing(ProfileField.MONTHS_ON_BENEFIT, months == null);
        c.put("monthsOnBenefit:log", months == null ? 0 : Math.log1p(months / 12.0));
        // CBS reports exit by these duration classes; the exit rate drops most steeply across them.
        c.put("monthsOnBenefit:under12", months != null && months < 12 ? 1 : 0);
        c.put("monthsOnBenefit:under24", months != null && months < 24 ? 1 : 0);
        c.put("monthsOnBenefit:over60", months != null && months >= 60 ? 1 : 0);

        // Null here is a fact (never worked), not a gap: no missing indicator.
        boolean neverWorked = p != null && p.monthsSinceLastJob() == null;
        c.put("neverWorked", neverWorked ? 1 : 0);
        Integer sinceJob = p == null ? null : p.monthsSinceLastJob();
        c.put("monthsSinceLastJob:log", sinceJob == null ? 0 : Math.log1p(sinceJob / 12.0));
        // Time out of work before the benefit started: separates a long gap from a long benefit spell.
        c.put("monthsSinceLastJob:beforeBenefitLog", sinceJob == null || months == null ? 0
                : Math.log1p(Math.max(0, sinceJob - months) / 12.0));

        Integer experience = p == null ? null : p.yearsWorkExperience();
        c.missing(ProfileField.YEARS_WORK_EXPERIENCE, experience == null);
        c.put("yearsWorkExperience:log", experience == null ? 0 : Math.log1p(experience));

        c.oneHot(ProfileField.HEALTH_LIMITATION, HealthLimitation.values(), p == null ? null : p.healthLimitation());
        c.flag(ProfileField.CARE_DUTIES, p == null ? null : p.careDuties());
        c.flag(ProfileField.PROBLEMATIC_DEBTS, p == null ? null : p.problematicDebts());
        c.flag(ProfileField.UNSTABLE_HOUSING, p == null ? null : p.unstableHousing());
        c.flag(ProfileField.DRIVING_LICENCE, p == null ? null : p.drivingLicence());
        c.scale(ProfileField.MOTIVATION, p == null ? null : p.motivation());
        c.scale(ProfileField.JOB_SEARCH_SELF_EFFICACY, p == null ? null : p.jobSearchSelfEfficacy());
        c.flag(ProfileField.EXPECTS_WORK, p == null ? null : p.expectsWork());

        Integer rung = p == null ? null : p.participationRung();
        c.missing(ProfileField.PARTICIPATION_RUNG, rung == null);
        for (int level = 1; level <= 6; level++) {
            c.put(ProfileField.PARTICIPATION_RUNG.fieldName() + "=" + level, rung != null && rung == level ? 1 : 0);
        }

        Double tightness = p == null ? null : p.labourMarketTightness();
        c.missing(ProfileField.LABOUR_MARKET_TIGHTNESS, tightness == null);
        // Vacancies per job seeker act multiplicatively on the odds of finding work.
        c.put("labourMarketTightness:log", tightness == null || tightness <= 0 ? 0 : Math.log(tightness));
    }

    /** Appends column names, or writes values, in one pass. */
    private static final class Columns {
        private final List<String> names;
        private final double[] values;
        private int index;

        Columns(List<String> names, double[] values) {
            this.names = names;
            this.values = values;
        }

        void put(String name, double value) {
            if (names != null) {
                names.add(name);
            }
            if (values != null) {
                values[index] = value;
            }
            index++;
        }

        void missing(ProfileField field, boolean missing) {
            put(field.fieldName() + MISSING, missing ? 1 : 0);
        }

        <E extends Enum<E>> void oneHot(ProfileField field, E[] levels, E value) {
            missing(field, value == null);
            for (E level : levels) {
                put(field.fieldName() + "=" + level.name(), level == value ? 1 : 0);
            }
        }

        void flag(ProfileField field, Boolean value) {
            missing(field, value == null);
            put(field.fieldName(), Boolean.TRUE.equals(value) ? 1 : 0);
        }

        /** A 1–5 assessment scale, centred on its midpoint 3. */
        void scale(ProfileField field, Integer value) {
            missing(field, value == null);
            put(field.fieldName(), value == null ? 0 : (value - 3) / 2.0);
        }
    }
}
