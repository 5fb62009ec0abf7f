package nl.trede.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;
import nl.trede.persistence.ClientFact;

/** An intake or reassessment, with the score it got; an append-only fact. */
@Entity
@Table(name = "intake")
public class Intake extends ClientFact {

    public Integer age;
    @Enumerated(EnumType.STRING)
    @Column(name = "education_level", length = 16)
    public EducationLevel educationLevel;
    @Enumerated(EnumType.STRING)
    @Column(name = "dutch_language_level", length = 2)
    public LanguageLevel dutchLanguageLevel;
    @Column(name = "months_on_benefit")
    public Integer monthsOnBenefit;
    @Column(name = "months_since_last_job")
    public Integer monthsSinceLastJob;
    @Column(name = "years_work_experience")
    public Integer yearsWorkExperience;
    @Enumerated(EnumType.STRING)
    @Column(name = "health_limitation", length = 8)
    public HealthLimitation healthLimitation;
    @Column(name = "care_duties")
    public Boolean careDuties;
    @Column(name = "problematic_debts")
    public Boolean problematicDebts;
    @Column(name = "unstable_housing")
    public Boolean unstableHousing;
    @Column(name = "driving_licence")
    public Boolean drivingLicence;
    public Integer motivation;
    @Column(name = "job_search_self_efficacy")
    public Integer jobSearchSelfEfficacy;
    @Column(name = "expects_work")
    public Boolean expectsWork;
    @Column(name = "participation_rung")
    public Integer participationRung;
    @Column(name = "labour_market_tightness")
    public Double labourMarketTightness;

    @Column(nullable = false)
    public double probability;
    @Column(nullable = false)
    public int category;
    @Column(name = "model_version", nullable = false, length = 100)
    public String modelVersion;
    /** The score's factors ({@link nl.trede.core.distance.ScoreFactor}) exactly as shown, as JSON. */
    @Column(nullable = false, length = 65535)
    public String factors;
    /** The missing fields, as a JSON array. */
    @Column(name = "missing_fields", nullable = false, length = 2000)
    public String missingFields;

    /** True once the client's personal data were erased: the profile and factors are gone. */
    @Column(nullable = false)
    public boolean erased;

    public IntakeProfile profile() {
        return IntakeProfile.of(this::column);
    }

    public void setProfile(IntakeProfile profile) {
        for (ProfileField field : ProfileField.values()) {
            setColumn(field, field.valueOf(profile));
        }
    }

    /** The column of each declared field; a switch expression, so a field without a column does not compile. */
    private Object column(ProfileField field) {
        return switch (field) {
            case AGE -> age;
            case EDUCATION_LEVEL -> educationLevel;
            case DUTCH_LANGUAGE_LEVEL -> dutchLanguageLevel;
            case MONTHS_ON_BENEFIT -> monthsOnBenefit;
            case MONTHS_SINCE_LAST_JOB -> monthsSinceLastJob;
            case YEARS_WORK_EXPERIENCE -> yearsWorkExperience;
            case HEALTH_LIMITATION -> healthLimitation;
            case CARE_DUTIES -> careDuties;
            case PROBLEMATIC_DEBTS -> problematicDebts;
            case UNSTABLE_HOUSING -> unstableHousing;
            case DRIVING_LICENCE -> drivingLicence;
            case MOTIVATION -> motivation;
            case JOB_SEARCH_SELF_EFFICACY -> jobSearchSelfEfficacy;
            case EXPECTS_WORK -> expectsWork;
            case PARTICIPATION_RUNG -> participationRung;
            case LABOUR_MARKET_TIGHTNESS -> labourMarketTightness;
        };
    }

    /**
     * Assigns through the fields themselves (not reflection), so that Hibernate sees an erasure's
     * change; a switch expression, so that a field without a column does not compile.
     */
    private void setColumn(ProfileField field, Object value) {
        Object assigned = switch (field) {
            case AGE -> age = (Integer) value;
            case EDUCATION_LEVEL -> educationLevel = (EducationLevel) value;
            case DUTCH_LANGUAGE_LEVEL -> dutchLanguageLevel = (LanguageLevel) value;
            case MONTHS_ON_BENEFIT -> monthsOnBenefit = (Integer) value;
            case MONTHS_SINCE_LAST_JOB -> monthsSinceLastJob = (Integer) value;
            case YEARS_WORK_EXPERIENCE -> yearsWorkExperience = (Integer) value;
            case HEALTH_LIMITATION -> healthLimitation = (HealthLimitation) value;
            case CARE_DUTIES -> careDuties = (Boolean) value;
            case PROBLEMATIC_DEBTS -> problematicDebts = (Boolean) value;
            case UNSTABLE_HOUSING -> unstableHousing = (Boolean) value;
            case DRIVING_LICENCE -> drivingLicence = (Boolean) value;
            case MOTIVATION -> motivation = (Integer) value;
            case JOB_SEARCH_SELF_EFFICACY -> jobSearchSelfEfficacy = (Integer) value;
            case EXPECTS_WORK -> expectsWork = (Boolean) value;
            case PARTICIPATION_RUNG -> participationRung = (Integer) value;
            case LABOUR_MARKET_TIGHTNESS -> labourMarketTightness = (Double) value;
        };
    }

    public static Intake latestOfClient(UUID clientId) {
        return find("clientId = ?1 order by createdAt desc", clientId).firstResult();
    }

    public static List<Intake> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt", clientId);
    }
}
