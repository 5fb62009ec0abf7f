package nl.trede.core;

import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;

/** Intake profiles for unit tests: every field missing unless set, so a test names only what it is about. */
public final class ProfileBuilder {

    private Integer age;
    private EducationLevel education;
    private LanguageLevel language;
    private Integer monthsOnBenefit;
    private HealthLimitation health;
    private Boolean debts;
    private Integer motivation;

    public static ProfileBuilder profile() {
        return new ProfileBuilder();
    }

    public ProfileBuilder age(int value) {
        age = value;
        return this;
    }

    public ProfileBuilder education(EducationLevel value) {
        education = value;
        return this;
    }

    public ProfileBuilder language(LanguageLevel value) {
        language = value;
        return this;
    }

    public ProfileBuilder monthsOnBenefit(int value) {
        monthsOnBenefit = value;
        return this;
    }

    public ProfileBuilder health(HealthLimitation value) {
        health = value;
        return this;
    }

    public ProfileBuilder debts(boolean value) {
        debts = value;
        return this;
    }

    public ProfileBuilder motivation(int value) {
        motivation = value;
        return this;
    }

    public IntakeProfile build() {
        return new IntakeProfile(age, education, language, monthsOnBenefit, null, null, health, null, debts, null, null,
                motivation, null, null, null, null);
    }
}
