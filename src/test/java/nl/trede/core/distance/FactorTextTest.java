package nl.trede.core.distance;

import static nl.trede.core.Profiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** Factor sentences name the client's fact with the unit and scale the declaration gives. */
class FactorTextTest {

    @Test
    void aFactSpeaksInItsDeclaredUnitOrScale() {
        IntakeProfile p = profile(ProfileField.AGE, 34, ProfileField.MOTIVATION, 4, ProfileField.LABOUR_MARKET_TIGHTNESS, 0.9);
        assertEquals("Uw leeftijd (34 jaar) verlaagt de kans op werk (-2,5 procentpunt).",
                FactorText.factor(ProfileField.AGE, p, -2.5).explanation());
        assertEquals("Uw motivatie (4 op een schaal van 1 tot 5) verhoogt de kans op werk (+1,0 procentpunt).",
                FactorText.factor(ProfileField.MOTIVATION, p, 1.0).explanation());
        assertEquals("De arbeidsmarkt in uw regio (0,90 vacatures per werkzoekende) verhoogt de kans op werk (+0,3 procentpunt).",
                FactorText.factor(ProfileField.LABOUR_MARKET_TIGHTNESS, p, 0.3).explanation());
    }

    @Test
    void aMissingFactIsNamedByItsDutchLabel() {
        assertTrue(FactorText.factor(ProfileField.MONTHS_ON_BENEFIT, IntakeProfile.empty(), -1.0).explanation()
                .startsWith("Het gegeven 'duur in de bijstand' ontbreekt"));
        assertEquals("Dat u nog nooit betaald werk hebt gehad verlaagt de kans op werk (-4,0 procentpunt).",
                FactorText.factor(ProfileField.MONTHS_SINCE_LAST_JOB, IntakeProfile.empty(), -4.0).explanation());
    }
}
