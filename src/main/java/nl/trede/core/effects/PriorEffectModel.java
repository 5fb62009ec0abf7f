package nl.trede.core.effects;

import java.util.ArrayList;
import java.util.List;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.causal.Prior;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.wording.RationaleVocabulary;

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

    /** The literature does not condition on the client's own chance of work: {@code baselineChance} is not used. */
    @Override
    public EffectEstimate estimate(IntakeProfile profile, double baselineChance, Intervention intervention, int horizonMonths) {
        return estimate(profile, intervention, horizonMonths);
    }

    public EffectEstimate estimate(IntakeProfile profile, Intervention intervention, int horizonMonths) {
        Adjustments adjustment = adjust(profile, intervention);
        double mean = intervention.priorEffect(horizonMonths) * adjustment.multiplier;
        double sd = intervention.isNone() ? 0 : intervention.evidenceLevel().priorStandardDeviation();
        return new EffectEstimate(mean, mean - Z95 * sd, mean + Z95 * sd, horizonMonths,
                EffectSource.PRIOR, 1.0, true, RationaleVocabulary.literature(intervention.priorSource(), adjustment.applied));
    }

    /** The literature's belief about this client's effect, as a probability difference: the prior learned effects shrink toward. */
    public Prior prior(IntakeProfile profile, Intervention intervention, int horizonMonths) {
        EffectEstimate stated = estimate(profile, intervention, horizonMonths);
        return Prior.fromInterval95(stated.lower() / 100, stated.upper() / 100);
    }

    /** The stated rules; each multiplies the prior and names itself in the rationale. */
    static Adjustments adjust(IntakeProfile p, Intervention intervention) {
        Adjustments a = new Adjustments();
        Integer months = p.monthsOnBenefit();
        switch (intervention.code()) {
            case "JOB_SEARCH_ASSISTANCE" -> {
                a.applyIf(months != null && months < 12, 1.5, RationaleVocabulary.RECENT_INFLOW);
                a.applyIf(months != null && months >= 36, 0.5, RationaleVocabulary.THREE_YEARS_ON_BENEFIT);
                a.applyIf(p.motivation() != null && p.motivation() >= 4, 1.25, RationaleVocabulary.MOTIVATED);
            }
            case "WORK_FIRST" -> a.applyIf(p.healthLimitation() == HealthLimitation.SOME, 0.5, RationaleVocabulary.HEALTH_LIMITATION);
            case "VOCATIONAL_TRAINING" -> {
                EducationLevel education = p.educationLevel();
                a.applyIf(education != null && !education.isStartingQualification(), 1.5, RationaleVocabulary.NO_STARTING_QUALIFICATION);
                a.applyIf(education == EducationLevel.HBO || education == EducationLevel.WO, 0.5, RationaleVocabulary.HIGHER_EDUCATED);
            }
            case "WAGE_SUBSIDY" -> {
                boolean reducedProductivity = p.healthLimitation() != null && p.healthLimitation() != HealthLimitation.NONE;
                a.applyIf((months != null && months >= 24) || reducedProductivity, 1.5, RationaleVocabulary.LONG_TERM_OR_REDUCED_PRODUCTIVITY);
                a.applyIf(months != null && months < 6 && !reducedProductivity, 0.25, RationaleVocabulary.DEADWEIGHT);
            }
            case "JOB_COACHING" -> a.applyIf(p.healthLimitation() == HealthLimitation.SEVERE, 1.5, RationaleVocabulary.SEVERE_HEALTH_LIMITATION_IPS);
            default -> { }
        }
        boolean activeProgramme = !intervention.isNone() && !"JOB_COACHING".equals(intervention.code())
                && !"DEBT_COUNSELLING".equals(intervention.code());
        a.applyIf(activeProgramme && p.age() != null && (p.age() < 25 || p.age() >= 50), 0.75, RationaleVocabulary.YOUNG_OR_OLDER);
        return a;
    }

    static final class Adjustments {
        double multiplier = 1.0;
        final List<RationaleVocabulary.Adjustment> applied = new ArrayList<>();

        void applyIf(boolean condition, double factor, RationaleVocabulary.Phrase when) {
            if (condition) {
                multiplier *= factor;
                applied.add(new RationaleVocabulary.Adjustment(factor, when));
            }
        }
    }
}
