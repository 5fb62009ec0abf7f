package nl.trede.core.profile;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The intake fields, declared once: in the order of {@link IntakeProfile}'s components, each with
 * its API name, Java type, the Dutch label a klantmanager sees, and for numbers the unit (in Dutch)
 * and the range the service accepts. Validation, the OpenAPI schema, the limits the pages check
 * ({@code GET /api/v1/intake-fields}), storage, the feature encoding and the factor wording all read
 * this declaration. The getter's type must be the declared type, or this does not compile.
 */
public enum ProfileField {
    AGE("age", Integer.class, "leeftijd", "jaar", 18, 67, IntakeProfile::age),
    EDUCATION_LEVEL("educationLevel", EducationLevel.class, "hoogste afgeronde opleiding", IntakeProfile::educationLevel),
    DUTCH_LANGUAGE_LEVEL("dutchLanguageLevel", LanguageLevel.class, "taalniveau Nederlands", IntakeProfile::dutchLanguageLevel),
    MONTHS_ON_BENEFIT("monthsOnBenefit", Integer.class, "duur in de bijstand", "maanden", 0, 600, IntakeProfile::monthsOnBenefit),
    MONTHS_SINCE_LAST_JOB("monthsSinceLastJob", Integer.class, "tijd sinds de laatste betaalde baan", "maanden", 0, 720,
            IntakeProfile::monthsSinceLastJob),
    YEARS_WORK_EXPERIENCE("yearsWorkExperience", Integer.class, "werkervaring", "jaar", 0, 55, IntakeProfile::yearsWorkExperience),
    HEALTH_LIMITATION("healthLimitation", HealthLimitation.class, "gezondheidsbeperking voor werk", IntakeProfile::healthLimitation),
    CARE_DUTIES("careDuties", Boolean.class, "zorgtaken (jonge kinderen of mantelzorg)", IntakeProfile::careDuties),
    PROBLEMATIC_DEBTS("problematicDebts", Boolean.class, "problematische schulden", IntakeProfile::problematicDebts),
    UNSTABLE_HOUSING("unstableHousing", Boolean.class, "onzekere woonsituatie", IntakeProfile::unstableHousing),
    DRIVING_LICENCE("drivingLicence", Boolean.class, "rijbewijs", IntakeProfile::drivingLicence),
    MOTIVATION("motivation", Integer.class, "motivatie", null, 1, 5, IntakeProfile::motivation),
    JOB_SEARCH_SELF_EFFICACY("jobSearchSelfEfficacy", Integer.class, "vertrouwen in eigen zoekgedrag", null, 1, 5,
            IntakeProfile::jobSearchSelfEfficacy),
    EXPECTS_WORK("expectsWork", Boolean.class, "eigen verwachting werk te vinden", IntakeProfile::expectsWork),
    PARTICIPATION_RUNG("participationRung", Integer.class, "trede op de participatieladder", null, 1, 6,
            IntakeProfile::participationRung),
    LABOUR_MARKET_TIGHTNESS("labourMarketTightness", Double.class, "krapte op de regionale arbeidsmarkt",
            "vacatures per werkzoekende", 0.0, 20.0, IntakeProfile::labourMarketTightness);

    private final String fieldName;
    private final Class<?> type;
    private final String dutchLabel;
    private final String dutchUnit;
    private final Range range;
    private final Function<IntakeProfile, ?> getter;

    /** A field without a range: a category or a yes/no. */
    <T> ProfileField(String fieldName, Class<T> type, String dutchLabel, Function<IntakeProfile, T> getter) {
        this(fieldName, type, dutchLabel, null, null, getter);
    }

    /** A number with its unit (null for a scale or a rung) and the bounds the service accepts. */
    <T extends Number> ProfileField(String fieldName, Class<T> type, String dutchLabel, String dutchUnit, T min, T max,
                                    Function<IntakeProfile, T> getter) {
        this(fieldName, type, dutchLabel, dutchUnit, new Range(min, max), getter);
    }

    <T> ProfileField(String fieldName, Class<T> type, String dutchLabel, String dutchUnit, Range range,
                     Function<IntakeProfile, T> getter) {
        this.fieldName = fieldName;
        this.type = type;
        this.dutchLabel = dutchLabel;
        this.dutchUnit = dutchUnit;
        this.range = range;
        this.getter = getter;
    }

    public String fieldName() {
        return fieldName;
    }

    /** Integer, Double, Boolean or one of the profile's enums. */
    public Class<?> type() {
        return type;
    }

    public String dutchLabel() {
        return dutchLabel;
    }

    public Optional<String> dutchUnit() {
        return Optional.ofNullable(dutchUnit);
    }

    public Optional<Range> range() {
        return Optional.ofNullable(range);
    }

    /** The values of a categorical field, with their Dutch words; empty for numbers and yes/no. */
    public List<DutchLabelled> choices() {
        return type.isEnum() ? List.of((DutchLabelled[]) type.getEnumConstants()) : List.of();
    }

    /** True when the value is null or within the field's range. */
    public boolean accepts(Object value) {
        return value == null || range == null || range.contains((Number) value);
    }

    public Object valueOf(IntakeProfile profile) {
        return getter.apply(profile);
    }

    /** What null means where it is a fact, not a gap: in {@code monthsSinceLastJob}, never worked. */
    public Optional<String> dutchMeaningOfNull() {
        return this == MONTHS_SINCE_LAST_JOB ? Optional.of("nooit betaald gewerkt") : Optional.empty();
    }

    public boolean canBeMissing() {
        return dutchMeaningOfNull().isEmpty();
    }
}
