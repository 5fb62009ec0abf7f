package nl.trede.core.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.profile.Range;
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
     * The walk follows the declaration ({@link ProfileField}), so the columns come in its order.
     */
    private static void encode(IntakeProfile p, List<String> names, double[] values) {
        Columns c = new Columns(names, values);
        for (ProfileField field : ProfileField.values()) {
            encoding(field).encode(p, c);
        }
    }

    /** How one field becomes columns; {@code p} is null when only the names are listed. */
    private interface FieldEncoding {
        void encode(IntakeProfile p, Columns c);
    }

    /** A switch expression over the declaration: a field without an encoding does not compile. */
    private static FieldEncoding encoding(ProfileField field) {
        return switch (field) {
            case AGE -> (p, c) -> {
                Integer age = p == null ? null : p.age();
                c.missing(field, age == null);
                c.put("age", age == null ? 0 : (age - 40) / 12.0);
                c.put("age:under27", age == null ? 0 : Math.max(0, 27 - age) / 9.0);
                c.put("age:over45", age == null ? 0 : Math.max(0, age - 45) / 10.0);
                c.put("age:over60", age == null || age < 60 ? 0 : 1);
            };
            case EDUCATION_LEVEL -> (p, c) -> c.oneHot(field, EducationLevel.values(), p == null ? null : p.educationLevel());
            case DUTCH_LANGUAGE_LEVEL -> (p, c) -> c.oneHot(field, LanguageLevel.values(), p == null ? null : p.dutchLanguageLevel());
            case MONTHS_ON_BENEFIT -> (p, c) -> {
                Integer months = p == null ? null : p.monthsOnBenefit();
                c.missing(field, months == null);
                c.put("monthsOnBenefit:log", months == null ? 0 : Math.log1p(months / 12.0));
                // CBS reports exit by these duration classes; the exit rate drops most steeply across them.
                c.put("monthsOnBenefit:under12", months != null && months < 12 ? 1 : 0);
                c.put("monthsOnBenefit:under24", months != null && months < 24 ? 1 : 0);
                c.put("monthsOnBenefit:over60", months != null && months >= 60 ? 1 : 0);
            };
            case MONTHS_SINCE_LAST_JOB -> (p, c) -> {
                // Null here is a fact (never worked), not a gap: no missing indicator.
                boolean neverWorked = p != null && p.monthsSinceLastJob() == null;
                c.put("neverWorked", neverWorked ? 1 : 0);
                Integer sinceJob = p == null ? null : p.monthsSinceLastJob();
                Integer months = p == null ? null : p.monthsOnBenefit();
                c.put("monthsSinceLastJob:log", sinceJob == null ? 0 : Math.log1p(sinceJob / 12.0));
                // Time out of work before the benefit started: separates a long gap from a long benefit spell.
                c.put("monthsSinceLastJob:beforeBenefitLog", sinceJob == null || months == null ? 0
                        : Math.log1p(Math.max(0, sinceJob - months) / 12.0));
            };
            case YEARS_WORK_EXPERIENCE -> (p, c) -> {
                Integer experience = p == null ? null : p.yearsWorkExperience();
                c.missing(field, experience == null);
                c.put("yearsWorkExperience:log", experience == null ? 0 : Math.log1p(experience));
            };
            case HEALTH_LIMITATION -> (p, c) -> c.oneHot(field, HealthLimitation.values(), p == null ? null : p.healthLimitation());
            case CARE_DUTIES, PROBLEMATIC_DEBTS, UNSTABLE_HOUSING, DRIVING_LICENCE, EXPECTS_WORK ->
                    (p, c) -> c.flag(field, p == null ? null : (Boolean) field.valueOf(p));
            case MOTIVATION, JOB_SEARCH_SELF_EFFICACY -> (p, c) -> c.scale(field, p == null ? null : (Integer) field.valueOf(p));
            case PARTICIPATION_RUNG -> (p, c) -> {
                Integer rung = p == null ? null : p.participationRung();
                c.missing(field, rung == null);
                Range rungs = field.range().orElseThrow();
                for (int level = rungs.min().intValue(); level <= rungs.max().intValue(); level++) {
                    c.put(field, "=", level, rung != null && rung == level ? 1 : 0);
                }
            };
            case LABOUR_MARKET_TIGHTNESS -> (p, c) -> {
                Double tightness = p == null ? null : p.labourMarketTightness();
                c.missing(field, tightness == null);
                // Vacancies per job seeker act multiplicatively on the odds of finding work.
                c.put("labourMarketTightness:log", tightness == null || tightness <= 0 ? 0 : Math.log(tightness));
            };
        };
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
            write(value);
        }

        private void write(double value) {
            if (values != null) {
                values[index] = value;
            }
            index++;
        }

        /**
         * A column named after its field, a separator and a part. The name is only built when the columns are
         * listed: encoding a profile, seventeen times for a score's factors, allocates no strings.
         */
        void put(ProfileField field, String separator, Object part, double value) {
            if (names != null) {
                names.add(field.fieldName() + separator + part);
            }
            write(value);
        }

        void missing(ProfileField field, boolean missing) {
            put(field, MISSING, "", missing ? 1 : 0);
        }

        <E extends Enum<E>> void oneHot(ProfileField field, E[] levels, E value) {
            missing(field, value == null);
            for (E level : levels) {
                put(field, "=", level.name(), level == value ? 1 : 0);
            }
        }

        void flag(ProfileField field, Boolean value) {
            missing(field, value == null);
            put(field.fieldName(), Boolean.TRUE.equals(value) ? 1 : 0);
        }

        /** An assessment scale (1–5), centred on its midpoint and scaled to [-1, 1]. */
        void scale(ProfileField field, Integer value) {
            missing(field, value == null);
            Range range = field.range().orElseThrow();
            double mid = (range.min().doubleValue() + range.max().doubleValue()) / 2;
            double half = (range.max().doubleValue() - range.min().doubleValue()) / 2;
            put(field.fieldName(), value == null ? 0 : (value - mid) / half);
        }
    }
}
