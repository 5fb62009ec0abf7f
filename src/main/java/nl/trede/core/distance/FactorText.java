package nl.trede.core.distance;

import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.profile.Range;
import nl.trede.core.wording.NumberStyle;

/**
 * Plain-Dutch sentences for score factors, written so a klantmanager can repeat them to the
 * client: the client's own fact, which way it moves the chance of work, and by how many points.
 */
final class FactorText {

    private FactorText() {
    }

    static ScoreFactor factor(ProfileField field, IntakeProfile profile, double points) {
        ScoreFactor.Direction direction = points >= 0 ? ScoreFactor.Direction.RAISES_CHANCE : ScoreFactor.Direction.LOWERS_CHANCE;
        String amount = NumberStyle.DUTCH.signed(points, 1) + " procentpunt";
        Object value = field.valueOf(profile);
        String sentence;
        if (value == null && field.canBeMissing()) {
            sentence = "Het gegeven '" + field.dutchLabel() + "' ontbreekt; daardoor valt de geschatte kans op werk "
                    + (points >= 0 ? "hoger" : "lager") + " uit dan met de waarde van een gemiddelde klant (" + amount + ").";
        } else {
            sentence = subject(field, profile) + " " + (points >= 0 ? "verhoogt" : "verlaagt") + " de kans op werk (" + amount + ").";
        }
        return new ScoreFactor(field.fieldName(), direction, points, sentence);
    }

    /** The client's fact as the subject of a sentence, in the second person (u). */
    private static String subject(ProfileField field, IntakeProfile p) {
        return switch (field) {
            case AGE -> "Uw leeftijd (" + measured(field, p) + ")";
            case EDUCATION_LEVEL -> "Uw opleidingsniveau (" + p.educationLevel().dutchLabel() + ")";
            case DUTCH_LANGUAGE_LEVEL -> "Uw taalniveau Nederlands (" + p.dutchLanguageLevel() + ")";
            case MONTHS_ON_BENEFIT -> "De tijd dat u al een bijstandsuitkering hebt (" + measured(field, p) + ")";
            case MONTHS_SINCE_LAST_JOB -> p.monthsSinceLastJob() == null ? "Dat u nog nooit betaald werk hebt gehad"
                    : "De tijd sinds uw laatste betaalde baan (" + measured(field, p) + ")";
            case YEARS_WORK_EXPERIENCE -> "Uw werkervaring (" + measured(field, p) + ")";
            case HEALTH_LIMITATION -> p.healthLimitation() == HealthLimitation.NONE ? "Dat u geen gezondheidsbeperking hebt"
                    : p.healthLimitation() == HealthLimitation.SOME ? "Uw gezondheidsbeperking"
                    : "Uw ernstige gezondheidsbeperking";
            case CARE_DUTIES -> p.careDuties() ? "Uw zorgtaken" : "Dat u geen zorgtaken hebt";
            case PROBLEMATIC_DEBTS -> p.problematicDebts() ? "Uw problematische schulden" : "Dat u geen problematische schulden hebt";
            case UNSTABLE_HOUSING -> p.unstableHousing() ? "Uw onzekere woonsituatie" : "Dat u een vaste woonplek hebt";
            case DRIVING_LICENCE -> p.drivingLicence() ? "Dat u een rijbewijs hebt" : "Dat u geen rijbewijs hebt";
            case MOTIVATION -> "Uw motivatie (" + onScale(field, p) + ")";
            case JOB_SEARCH_SELF_EFFICACY -> "Uw vertrouwen in uw eigen zoekgedrag (" + onScale(field, p) + ")";
            case EXPECTS_WORK -> p.expectsWork() ? "Uw eigen verwachting dat u werk vindt"
                    : "Dat u zelf niet verwacht binnenkort werk te vinden";
            case PARTICIPATION_RUNG -> "Uw trede op de participatieladder (trede " + p.participationRung() + ")";
            case LABOUR_MARKET_TIGHTNESS -> "De arbeidsmarkt in uw regio (" + measured(field, p) + ")";
        };
    }

    /** The value with its declared unit: "34 jaar", "0,90 vacatures per werkzoekende". */
    private static String measured(ProfileField field, IntakeProfile p) {
        Object value = field.valueOf(p);
        String number = value instanceof Double d ? NumberStyle.DUTCH.fixed(d, 2) : String.valueOf(value);
        return number + " " + field.dutchUnit().orElseThrow();
    }

    /** An assessment on its declared scale: "4 op een schaal van 1 tot 5". */
    private static String onScale(ProfileField field, IntakeProfile p) {
        Range scale = field.range().orElseThrow();
        return field.valueOf(p) + " op een schaal van " + scale.min() + " tot " + scale.max();
    }
}
