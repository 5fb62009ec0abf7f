package nl.trede.core.profile;

import java.util.function.Function;

/**
 * The intake fields, in the order of {@link IntakeProfile}'s components, with their API name and
 * the Dutch label a klantmanager sees.
 */
public enum ProfileField {
    AGE("age", "leeftijd", IntakeProfile::age),
    EDUCATION_LEVEL("educationLevel", "opleidingsniveau", IntakeProfile::educationLevel),
    DUTCH_LANGUAGE_LEVEL("dutchLanguageLevel", "taalniveau Nederlands", IntakeProfile::dutchLanguageLevel),
    MONTHS_ON_BENEFIT("monthsOnBenefit", "duur in de bijstand", IntakeProfile::monthsOnBenefit),
    MONTHS_SINCE_LAST_JOB("monthsSinceLastJob", "tijd sinds laatste baan", IntakeProfile::monthsSinceLastJob),
    YEARS_WORK_EXPERIENCE("yearsWorkExperience", "werkervaring", IntakeProfile::yearsWorkExperience),
    HEALTH_LIMITATION("healthLimitation", "gezondheidsbeperking", IntakeProfile::healthLimitation),
    CARE_DUTIES("careDuties", "zorgtaken", IntakeProfile::careDuties),
    PROBLEMATIC_DEBTS("problematicDebts", "problematische schulden", IntakeProfile::problematicDebts),
    UNSTABLE_HOUSING("unstableHousing", "onzekere huisvesting", IntakeProfile::unstableHousing),
    DRIVING_LICENCE("drivingLicence", "rijbewijs", IntakeProfile::drivingLicence),
    MOTIVATION("motivation", "motivatie", IntakeProfile::motivation),
    JOB_SEARCH_SELF_EFFICACY("jobSearchSelfEfficacy", "vertrouwen in eigen zoekgedrag", IntakeProfile::jobSearchSelfEfficacy),
    EXPECTS_WORK("expectsWork", "eigen verwachting werk te vinden", IntakeProfile::expectsWork),
    PARTICIPATION_RUNG("participationRung", "trede op de participatieladder", IntakeProfile::participationRung),
    LABOUR_MARKET_TIGHTNESS("labourMarketTightness", "krapte op de regionale arbeidsmarkt", IntakeProfile::labourMarketTightness);

    private final String fieldName;
    private final String dutchLabel;
    private final Function<IntakeProfile, Object> getter;

    ProfileField(String fieldName, String dutchLabel, Function<IntakeProfile, Object> getter) {
        this.fieldName = fieldName;
        this.dutchLabel = dutchLabel;
        this.getter = getter;
    }

    public String fieldName() {
        return fieldName;
    }

    public String dutchLabel() {
        return dutchLabel;
    }

    public Object valueOf(IntakeProfile profile) {
        return getter.apply(profile);
    }

    /** Null in {@code monthsSinceLastJob} means "never worked", which is a fact, not a gap. */
    public boolean canBeMissing() {
        return this != MONTHS_SINCE_LAST_JOB;
    }
}
