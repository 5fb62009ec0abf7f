package nl.trede.core.catalogue;

import java.util.Optional;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.wording.Rationale;
import nl.trede.core.wording.RationaleVocabulary;

/**
 * Who an intervention is for. A rule that needs a field the intake lacks does not exclude the
 * client: the klantmanager sees the intervention, and the missing field is reported.
 */
public enum Eligibility {
    EVERYONE("iedereen", "everyone"),
    PROBLEMATIC_DEBTS("alleen bij problematische schulden", "only with problematic debts"),
    LANGUAGE_BELOW_B1("alleen bij taalniveau Nederlands onder B1", "only with Dutch below B1"),
    NO_SEVERE_HEALTH_LIMITATION("niet bij een ernstige gezondheidsbeperking", "not with a severe health limitation"),
    HEALTH_LIMITATION("alleen bij een gezondheidsbeperking", "only with a health limitation");

    private final String dutchRule;
    private final String englishRule;

    Eligibility(String dutchRule, String englishRule) {
        this.dutchRule = dutchRule;
        this.englishRule = englishRule;
    }

    public String dutchRule() {
        return dutchRule;
    }

    public String englishRule() {
        return englishRule;
    }

    /** Empty when the client is eligible; otherwise why not. A missing field never excludes. */
    public Optional<Rationale> exclusion(IntakeProfile profile) {
        boolean excluded = switch (this) {
            case EVERYONE -> false;
            case PROBLEMATIC_DEBTS -> Boolean.FALSE.equals(profile.problematicDebts());
            case LANGUAGE_BELOW_B1 -> profile.dutchLanguageLevel() != null && !profile.dutchLanguageLevel().isBelowB1();
            case NO_SEVERE_HEALTH_LIMITATION -> profile.healthLimitation() == HealthLimitation.SEVERE;
            case HEALTH_LIMITATION -> profile.healthLimitation() == HealthLimitation.NONE;
        };
        return excluded ? Optional.of(notEligible()) : Optional.empty();
    }

    /** Why a client who does not meet this rule is not eligible. */
    public Rationale notEligible() {
        return RationaleVocabulary.notEligible(dutchRule, englishRule);
    }

    public boolean admits(IntakeProfile profile) {
        return exclusion(profile).isEmpty();
    }
}
