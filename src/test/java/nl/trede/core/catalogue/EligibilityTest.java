package nl.trede.core.catalogue;

import static nl.trede.core.Profiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** Each eligibility rule, and that a missing field never excludes (the klantmanager sees the option). */
class EligibilityTest {

    @Test
    void debtCounsellingOnlyWithProblematicDebts() {
        assertTrue(Eligibility.PROBLEMATIC_DEBTS.admits(profile(ProfileField.PROBLEMATIC_DEBTS, true)));
        assertFalse(Eligibility.PROBLEMATIC_DEBTS.admits(profile(ProfileField.PROBLEMATIC_DEBTS, false)));
        assertTrue(Eligibility.PROBLEMATIC_DEBTS.admits(profile()), "unknown debts do not exclude");
    }

    @Test
    void languageTrainingOnlyBelowB1() {
        assertTrue(Eligibility.LANGUAGE_BELOW_B1.admits(profile(ProfileField.DUTCH_LANGUAGE_LEVEL, LanguageLevel.A2)));
        assertFalse(Eligibility.LANGUAGE_BELOW_B1.admits(profile(ProfileField.DUTCH_LANGUAGE_LEVEL, LanguageLevel.B1)));
        assertTrue(Eligibility.LANGUAGE_BELOW_B1.admits(profile()));
    }

    @Test
    void workFirstNotWithASevereHealthLimitationAndJobCoachingOnlyWithALimitation() {
        assertFalse(Eligibility.NO_SEVERE_HEALTH_LIMITATION.admits(profile(ProfileField.HEALTH_LIMITATION, HealthLimitation.SEVERE)));
        assertTrue(Eligibility.NO_SEVERE_HEALTH_LIMITATION.admits(profile(ProfileField.HEALTH_LIMITATION, HealthLimitation.SOME)));
        assertFalse(Eligibility.HEALTH_LIMITATION.admits(profile(ProfileField.HEALTH_LIMITATION, HealthLimitation.NONE)));
        assertTrue(Eligibility.HEALTH_LIMITATION.admits(profile(ProfileField.HEALTH_LIMITATION, HealthLimitation.SOME)));
        assertTrue(Eligibility.HEALTH_LIMITATION.admits(profile()));
        assertTrue(Eligibility.EVERYONE.admits(profile(ProfileField.HEALTH_LIMITATION, HealthLimitation.SEVERE, ProfileField.PROBLEMATIC_DEBTS, false)));
    }

    @Test
    void theReasonIsDutchWithEnglishAlongside() {
        var reason = Eligibility.LANGUAGE_BELOW_B1.exclusion(profile(ProfileField.DUTCH_LANGUAGE_LEVEL, LanguageLevel.C1)).orElseThrow();
        assertEquals("Past niet bij deze klant: alleen bij taalniveau Nederlands onder B1.", reason.dutch());
        assertEquals("Not eligible: only with Dutch below B1", reason.english());
    }
}
