package nl.trede.core.effects;

import java.util.ArrayList;
import java.util.List;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;

/**
 * Expected effects from the catalogue's literature priors, adjusted for the client by a few stated
 * rules that follow the directions the literature reports (BRIEF.md). The interval is the prior's
 * own uncertainty, set by the intervention's evidence level. Used where no learned effects exist,
 * and as the prior toward which learned effects shrink.
 */
public final class PriorEffectModel implements EffectModel {

    public static final String VERSION = "literature-prior-1";

    private static final double Z95 = 1.96;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public EffectEstimate estimate(IntakeProfile profile, Intervention intervention, int horizonMonths) {
        Adjustment adjustment = adjust(profile, intervention);
        double mean = intervention.priorEffect(horizonMonths) * adjustment.multiplier;
        double sd = intervention.isNone() ? 0 : intervention.evidenceLevel().priorStandardDeviation();
        String rationale = adjustment.reasons.isEmpty()
                ? "Literature prior for an average bijstand client (" + intervention.priorSource() + ")"
                : "Literature prior, " + String.join("; ", adjustment.reasons);
        return new EffectEstimate(mean, mean - Z95 * sd, mean + Z95 * sd, horizonMonths,
                EffectSource.PRIOR, 1.0, true, rationale);
    }

    /** The stated rules; each multiplies the prior and names itself in the rationale. */
    static Adjustment adjust(IntakeProfile p, Intervention intervention) {
        Adjustment a = new Adjustment();
        Integer months = p.monthsOnBenefit();
        switch (intervention.code()) {
            case "JOB_SEARCH_ASSISTANCE" -> {
                a.applyIf(months != null && months < 12, 1.5, "×1.5 for recent inflow (under 12 months on benefit)");
                a.applyIf(months != null && months >= 36, 0.5, "×0.5 after 3 or more years on benefit");
                a.applyIf(p.motivation() != null && p.motivation() >= 4, 1.25, "×1.25 for a motivated client");
            }
            case "WORK_FIRST" -> a.applyIf(p.healthLimitation() == HealthLimitation.SOME, 0.5,
                    "×0.5 with a health limitation");
            case "VOCATIONAL_TRAINING" -> {
                EducationLevel education = p.educationLevel();
                a.applyIf(education != null && !education.isStartingQualification(), 1.5,
                        "×1.5 without a starting qualification");
                a.applyIf(education == EducationLevel.HBO || education == EducationLevel.WO, 0.5,
                        "×0.5 for the higher-educated");
            }
            case "WAGE_SUBSIDY" -> {
                boolean reducedProductivity = p.healthLimitation() != null && p.healthLimitation() != HealthLimitation.NONE;
                a.applyIf((months != null && months >= 24) || reducedProductivity, 1.5,
                        "×1.5 for long-term unemployment or reduced productivity");
                a.applyIf(months != null && months < 6 && !reducedProductivity, 0.25,
                        "×0.25 for recent inflow (deadweight: would likely find work anyway)");
            }
            case "JOB_COACHING" -> a.applyIf(p.healthLimitation() == HealthLimitation.SEVERE, 1.5,
                    "×1.5 with a severe health limitation (IPS target group)");
            default -> { }
        }
        boolean activeProgramme = !intervention.isNone() && !"JOB_COACHING".equals(intervention.code())
                && !"DEBT_COUNSELLING".equals(intervention.code());
        a.applyIf(activeProgramme && p.age() != null && (p.age() < 25 || p.age() >= 50), 0.75,
                "×0.75 for clients under 25 or 50 and over (smaller effects in the meta-analysis)");
        return a;
    }

    static final class Adjustment {
        double multiplier = 1.0;
        final List<String> reasons = new ArrayList<>();

        void applyIf(boolean condition, double factor, String reason) {
            if (condition) {
                multiplier *= factor;
                reasons.add(reason);
            }
        }
    }
}
