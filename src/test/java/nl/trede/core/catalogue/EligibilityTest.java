package nl.trede.core.catalogue;

import static nl.trede.core.ProfileBuilder.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.LanguageLevel;
import org.junit.jupiter.api.Test;

/** Each eligibility rule, and that a missing field never excludes (the klantmanager sees the option). */
class EligibilityTest {

    @Test
    void debtCounsellingOnlyWithProblematicDebts() {
        assertTrue(Eligibility.PROBLEMATIC_DEBTS.admits(profile().debts(true).build()));
        assertFalse(Eligibility.PROBLEMATIC_DEBTS.admits(profile().debts(false).build()));
        assertTrue(Eligibility.PROBLEMATIC_DEBTS.admits(profile().build()), "unknown debts do not exclude");
    }

    @Test
    void languageTrainingOnlyBelowB1() {
        assertTrue(Eligibility.LANGUAGE_BELOW_B1.admits(profile().language(LanguageLevel.A2).build()));
        assertFalse(Eligibility.LANGUAGE_BELOW_B1.admits(profile().language(LanguageLevel.B1).build()));
        assertTrue(Eligibility.LANGUAGE_BELOW_B1.admits(profile().build()));
    }

    @Test
    void workFirstNotWithASevereHealthLimitationAndJobCoachingOnlyWithALimitation() {
        assertFalse(Eligibility.NO_SEVERE_HEALTH_LIMITATION.admits(profile().health(HealthLimitation.SEVERE).build()));
        assertTrue(Eligibility.NO_SEVERE_HEALTH_LIMITATION.admits(profile().health(HealthLimitation.SOME).build()));
        assertFalse(Eligibility.HEALTH_LIMITATION.admits(profile().health(HealthLimitation.NONE).build()));
        assertTrue(Eligibility.HEALTH_LIMITATION.admits(profile().health(HealthLimitation.SOME).build()));
        assertTrue(Eligibility.HEALTH_LIMITATION.admits(profile().build()));
        assertTrue(Eligibility.EVERYONE.admits(profile().health(HealthLimitation.SEVERE).debts(false).build()));
    }

    @Test
    void theReasonIsDutchWithEnglishAlongside() {
        var reason = Eligibility.LANGUAGE_BELOW_B1.exclusion(profile().language(LanguageLevel.C1).build()).orElseThrow();
        assertEquals("Past niet bij deze klant: alleen bij taalniveau Nederlands onder B1.", reason.dutch());
        assertEquals("Not eligible: only with Dutch below B1", reason.english());
    }
}
