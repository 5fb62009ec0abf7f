package nl.trede.core.effects;

import static nl.trede.core.Profiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** The stated adjustments of the literature priors, each named in the rationale in Dutch and English. */
class PriorEffectModelTest {

    private final PriorEffectModel prior = new PriorEffectModel();

    private static Intervention find(String code) {
        return Catalogue.STARTING.find(code).orElseThrow();
    }

    @Test
    void anAverageClientGetsTheCataloguePriorWithTheEvidenceLevelsInterval() {
        Intervention jsa = find("JOB_SEARCH_ASSISTANCE");
        EffectEstimate e = prior.estimate(profile(ProfileField.AGE, 34, ProfileField.MONTHS_ON_BENEFIT, 14, ProfileField.MOTIVATION, 3), jsa, 12);
        assertEquals(2.0, e.pointEstimate(), 1e-12);
        assertEquals(1.96 * 1.5, e.upper() - e.pointEstimate(), 1e-12, "GOOD_INDICATIONS: sd 1.5 pp");
        assertEquals(EffectSource.PRIOR, e.source());
        assertEquals(1.0, e.priorShare());
        assertEquals("Verwachting uit onderzoek voor een gemiddelde bijstandsklant.", e.rationale().dutch());
        assertTrue(e.rationale().english().startsWith("Literature prior for an average bijstand client (Card"), e.rationale().english());
    }

    @Test
    void adjustmentsMultiplyAndAreNamed() {
        Intervention jsa = find("JOB_SEARCH_ASSISTANCE");
        EffectEstimate e = prior.estimate(profile(ProfileField.AGE, 55, ProfileField.MONTHS_ON_BENEFIT, 6, ProfileField.MOTIVATION, 5), jsa, 12);
        assertEquals(2.0 * 1.5 * 1.25 * 0.75, e.pointEstimate(), 1e-12);
        assertEquals("Verwachting uit onderzoek, aangepast voor deze klant: 1,5 keer zo groot bij korter dan een jaar in de bijstand; "
                + "1,25 keer zo groot bij een gemotiveerde klant; 0,75 keer zo groot bij jonger dan 25 of 50 jaar en ouder "
                + "(daar werken trajecten minder goed).", e.rationale().dutch());
        assertEquals("Literature prior, ×1.5 for recent inflow (under 12 months on benefit); ×1.25 for a motivated client; "
                + "×0.75 for clients under 25 or 50 and over (smaller effects in the meta-analysis)", e.rationale().english());
    }

    @Test
    void wageSubsidyIsDeadweightForRecentInflowAndStrongerForTheLongTermUnemployed() {
        Intervention subsidy = find("WAGE_SUBSIDY");
        assertEquals(4.0 * 0.25, prior.estimate(profile(ProfileField.AGE, 30, ProfileField.MONTHS_ON_BENEFIT, 3, ProfileField.HEALTH_LIMITATION, HealthLimitation.NONE),
                subsidy, 12).pointEstimate(), 1e-12);
        assertEquals(4.0 * 1.5, prior.estimate(profile(ProfileField.AGE, 30, ProfileField.MONTHS_ON_BENEFIT, 30), subsidy, 12).pointEstimate(), 1e-12);
        assertEquals(4.0 * 1.5, prior.estimate(profile(ProfileField.AGE, 30, ProfileField.MONTHS_ON_BENEFIT, 3, ProfileField.HEALTH_LIMITATION, HealthLimitation.SOME),
                subsidy, 12).pointEstimate(), 1e-12, "reduced productivity: no deadweight discount");
    }

    @Test
    void trainingDependsOnEducationAndTheHorizon() {
        Intervention training = find("VOCATIONAL_TRAINING");
        assertEquals(-1.5 * 1.5, prior.estimate(profile(ProfileField.EDUCATION_LEVEL, EducationLevel.VMBO), training, 12).pointEstimate(), 1e-12);
        assertEquals(4.0 * 0.5, prior.estimate(profile(ProfileField.EDUCATION_LEVEL, EducationLevel.WO), training, 24).pointEstimate(), 1e-12);
        assertEquals(4.0, prior.estimate(profile(ProfileField.EDUCATION_LEVEL, EducationLevel.MBO_2_4), training, 24).pointEstimate(), 1e-12);
    }

    @Test
    void noInterventionIsZeroWithoutUncertaintyAndMissingFieldsAdjustNothing() {
        EffectEstimate none = prior.estimate(profile(ProfileField.AGE, 20), find("NONE"), 12);
        assertEquals(0, none.pointEstimate());
        assertEquals(0, none.upper() - none.lower());
        assertEquals(3.0, prior.estimate(profile(), find("JOB_COACHING"), 12).pointEstimate(), 1e-12);
        assertEquals(3.0 * 1.5, prior.estimate(profile(ProfileField.HEALTH_LIMITATION, HealthLimitation.SEVERE), find("JOB_COACHING"), 12)
                .pointEstimate(), 1e-12, "coaching is not an active programme: no age discount, and the IPS group gains most");
    }
}
