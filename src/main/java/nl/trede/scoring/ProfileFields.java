package nl.trede.scoring;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.persistence.JsonText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The intake fields as the API takes and returns them. Every field is optional: a missing field
 * is reported with the score, never silently filled in.
 */
@Schema(name = "IntakeProfile", description = "The facts gathered at intake; every field may be left out")
public class ProfileFields {

    @Min(value = 18, message = "must be between 18 and 67")
    @Max(value = 67, message = "must be between 18 and 67")
    @Schema(description = "Age in years (bijstand: 18 up to the state pension age)", example = "34")
    public Integer age;

    @Schema(description = "Highest completed education", example = "MBO_2_4")
    public EducationLevel educationLevel;

    @Schema(description = "Dutch language level (CEFR)", example = "B1")
    public LanguageLevel dutchLanguageLevel;

    @Min(value = 0, message = "must be between 0 and 600")
    @Max(value = 600, message = "must be between 0 and 600")
    @Schema(description = "Months on benefit in the current spell", example = "14")
    public Integer monthsOnBenefit;

    @Min(value = 0, message = "must be between 0 and 720")
    @Max(value = 720, message = "must be between 0 and 720")
    @Schema(description = "Months since the last paid job; null or absent means never worked", example = "20", nullable = true)
    public Integer monthsSinceLastJob;

    @Min(value = 0, message = "must be between 0 and 55")
    @Max(value = 55, message = "must be between 0 and 55")
    @Schema(description = "Years of paid work experience", example = "6")
    public Integer yearsWorkExperience;

    @Schema(description = "Health limitation for work", example = "NONE")
    public HealthLimitation healthLimitation;

    @Schema(description = "Care duties: young children or mantelzorg", example = "false")
    public Boolean careDuties;

    @Schema(description = "Problematic debts", example = "false")
    public Boolean problematicDebts;

    @Schema(description = "Unstable housing", example = "false")
    public Boolean unstableHousing;

    @Schema(description = "Holds a driving licence", example = "true")
    public Boolean drivingLicence;

    @Min(value = 1, message = "must be between 1 and 5")
    @Max(value = 5, message = "must be between 1 and 5")
    @Schema(description = "Motivation, 1 (low) to 5 (high), as assessed with the client", example = "4")
    public Integer motivation;

    @Min(value = 1, message = "must be between 1 and 5")
    @Max(value = 5, message = "must be between 1 and 5")
    @Schema(description = "Job-search self-efficacy, 1 (low) to 5 (high)", example = "3")
    public Integer jobSearchSelfEfficacy;

    @Schema(description = "The client's own expectation of finding work", example = "true")
    public Boolean expectsWork;

    @Min(value = 1, message = "must be between 1 and 6")
    @Max(value = 6, message = "must be between 1 and 6")
    @Schema(description = "Current rung on the participatieladder, 1 (isolated) to 6 (paid work)", example = "3")
    public Integer participationRung;

    @DecimalMin(value = "0.0", message = "must be between 0 and 20")
    @DecimalMax(value = "20.0", message = "must be between 0 and 20")
    @Schema(description = "Regional labour-market tightness: vacancies per job seeker", example = "0.9")
    public Double labourMarketTightness;

    public IntakeProfile toProfile() {
        return JsonText.convert(this, IntakeProfile.class);
    }

    public static ProfileFields of(IntakeProfile profile) {
        return JsonText.convert(profile, ProfileFields.class);
    }
}
