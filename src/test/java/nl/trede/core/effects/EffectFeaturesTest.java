package nl.trede.core.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.trede.core.Profiles;
import nl.trede.core.causal.EffectTerm;
import nl.trede.core.causal.TermSearch;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** The final stage's terms are said in the klantmanager's words, and hold for exactly the clients they say. */
class EffectFeaturesTest {

    private final EffectFeatures features = new EffectFeatures();

    private TermSearch.Candidate candidate(String column) {
        int index = features.columnNames().indexOf(column);
        return features.termCandidates().stream().filter(c -> c.column() == index).findFirst().orElseThrow();
    }

    private EffectTerm.Condition condition(String column, double cut, boolean atLeast) {
        TermSearch.Candidate c = candidate(column);
        return new EffectTerm.Condition(c.column(), cut, atLeast, c.missingColumn());
    }

    @Test
    void aThresholdAndAnInteractionAreSaidInDutch() {
        EffectTerm longOnBenefit = EffectTerm.of(condition("monthsOnBenefit:value", 36, true));
        assertEquals("duur in de bijstand: 36 maanden of meer", features.describe(longOnBenefit).dutch());
        EffectTerm licenceWithoutCare = EffectTerm.of(condition("drivingLicence", 0.5, true))
                .and(condition("careDuties", 0.5, false));
        assertEquals("rijbewijs: ja en zorgtaken (jonge kinderen of mantelzorg): nee", features.describe(licenceWithoutCare).dutch());
        EffectTerm belowStartingQualification = EffectTerm.of(condition("educationLevel:value", EducationLevel.MBO_2_4.ordinal() + 1, false));
        assertEquals("hoogste afgeronde opleiding: lager dan mbo 2, 3 of 4", features.describe(belowStartingQualification).dutch());
    }

    @Test
    void aTermHoldsForTheClientsItNamesAndNeverForAnUnknownValue() {
        EffectTerm longOnBenefit = EffectTerm.of(condition("monthsOnBenefit:value", 36, true));
        EffectTerm shortOnBenefit = EffectTerm.of(condition("monthsOnBenefit:value", 36, false));
        IntakeProfile client = Profiles.complete().with(ProfileField.MONTHS_ON_BENEFIT, 40);
        assertEquals(1, longOnBenefit.value(features.encode(client, 0.1, 0.02)));
        assertEquals(0, shortOnBenefit.value(features.encode(client, 0.1, 0.02)));
        IntakeProfile unknown = Profiles.complete().with(ProfileField.MONTHS_ON_BENEFIT, null);
        assertEquals(0, longOnBenefit.value(features.encode(unknown, 0.1, 0.02)), "missing is not 'at least 36'");
        assertEquals(0, shortOnBenefit.value(features.encode(unknown, 0.1, 0.02)), "nor 'under 36'");
    }

    /** A model trained before the cut columns (effects-1.0.0 and any registered before it) is still encoded as it was trained. */
    @Test
    void theDesignBeforeTheCutColumnsIsStillEncodedForTheModelsTrainedOnIt() {
        EffectFeatures before = EffectFeatures.of(EffectFeatures.VERSION_WITHOUT_CUTS);
        IntakeProfile client = Profiles.complete();
        double[] now = features.encode(client, 0.2, 0.03);
        double[] then = before.encode(client, 0.2, 0.03);
        assertEquals(features.columnNames().size() - 11, before.columnNames().size(), "eleven cut columns fewer");
        assertEquals(features.columnNames().stream().filter(c -> !c.endsWith(":value")).toList(), before.columnNames());
        int j = 0;
        for (int i = 0; i < now.length; i++) {
            if (!features.columnNames().get(i).endsWith(":value")) {
                assertEquals(now[i], then[j++], 0, features.columnNames().get(i));
            }
        }
        assertEquals(java.util.List.of(), before.termCandidates().stream()
                .filter(c -> before.columnNames().get(c.column()).endsWith(":value")).toList());
    }
}
