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
        return new IntakeProfile(age, educationLevel, dutchLanguageLevel, monthsOnBenefit, monthsSinceLastJob,
                yearsWorkExperience, healthLimitation, careDuties, problematicDebts, unstableHousing, drivingLicence,
                motivation, jobSearchSelfEfficacy, expectsWork, participationRung, labourMarketTightness);
    }

    public void setProfile(IntakeProfile p) {
        age = p.age();
        educationLevel = p.educationLevel();
        dutchLanguageLevel = p.dutchLanguageLevel();
        monthsOnBenefit = p.monthsOnBenefit();
        monthsSinceLastJob = p.monthsSinceLastJob();
        yearsWorkExperience = p.yearsWorkExperience();
        healthLimitation = p.healthLimitation();
        careDuties = p.careDuties();
        problematicDebts = p.problematicDebts();
        unstableHousing = p.unstableHousing();
        drivingLicence = p.drivingLicence();
        motivation = p.motivation();
        jobSearchSelfEfficacy = p.jobSearchSelfEfficacy();
        expectsWork = p.expectsWork();
        participationRung = p.participationRung();
        labourMarketTightness = p.labourMarketTightness();
    }

    public static Intake latestOfClient(UUID clientId) {
        return find("clientId = ?1 order by createdAt desc", clientId).firstResult();
    }

    public static List<Intake> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt", clientId);
    }
}
