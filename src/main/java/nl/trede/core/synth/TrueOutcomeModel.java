package nl.trede.core.synth;

import java.util.List;
import java.util.SplittableRandom;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;

/**
 * The ground truth of the synthetic population: the true probability of paid work within 12 and
 * within 24 months for a complete profile, without intervention and under every intervention of
 * {@link Catalogue#STARTING}.
 *
 * <p>Without intervention the 12-month probability is logistic in a handful of terms (time on
 * benefit dominates, as in CBS exit rates) with mild non-linearity (a duration hinge, age hinges,
 * two interactions); the second year has a lower hazard. Under intervention {@code k} the probability
 * moves by {@code s_k(h) * m_k(x)}, where {@code m_k(x)} is a client-specific multiplier in the
 * directions the literature reports (BRIEF.md) and {@code s_k(h)} is set so that the mean effect over
 * eligible clients equals the catalogue prior.
 *
 * <p>Programmes of six months or more lock clients in: while in them clients search less and lose a
 * share {@code lambda_k} of their own 12-month chance, and the programme's gain is the same at 12 as
 * at 24 months. {@code lambda_k} is what makes the mean 12-month effect equal the catalogue's
 * 12-month prior, so the catalogue's dip-then-recovery becomes a client-level mechanism: clients who
 * would have found work anyway lose most. By 24 months the loss has recovered.
 */
public final class TrueOutcomeModel implements OutcomeTruth {

    /** Programmes at least this long lock clients in. */
    public static final int LOCK_IN_MIN_MONTHS = 6;

    private static final double INTERCEPT = -0.35;
    private static final double[] EDUCATION = {-0.5, -0.35, -0.15, -0.1, 0.1, 0.15, 0.3, 0.3};
    private static final double[] LANGUAGE = {-0.7, -0.5, -0.3, -0.1, 0, 0.05, 0.05};
    private static final double[] HEALTH = {0, -0.45, -1.1};
    private static final double[] RUNG = {-0.5, -0.3, -0.1, 0.05, 0.3, 0.6};
    /** The second year on benefit has a lower job-finding hazard than the first (duration dependence). */
    static final double SECOND_YEAR_SHIFT = -0.35;
    private static final int NORMALISATION_SAMPLE = 20_000;
    private static final long NORMALISATION_SEED = 7_121_961L;

    /** The model behind every generated population (declared after the constants it is built from). */
    public static final TrueOutcomeModel STANDARD = new TrueOutcomeModel();

    private final List<Intervention> interventions = Catalogue.STARTING.interventions();
    private final double[] scale12 = new double[interventions.size()];
    private final double[] scale24 = new double[interventions.size()];
    private final double[] lockIn = new double[interventions.size()];

    private TrueOutcomeModel() {
        normaliseToPriors();
    }

    /** The interventions, in the order used by the probability arrays. */
    public List<Intervention> interventions() {
        return interventions;
    }

    /** Index of an intervention code in {@link #interventions()}. */
    public int indexOf(String code) {
        for (int i = 0; i < interventions.size(); i++) {
            if (interventions.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown intervention " + code);
    }

    /** Logit of the true 12-month probability without intervention; needs a complete profile. */
    @Override
    public double baselineLogit(IntakeProfile p) {
        int age = p.age();
        int months = p.monthsOnBenefit();
        // Exit falls steeply in the first two years on benefit and flattens after about seven.
        double logit = INTERCEPT - 1.2 * Math.log1p(months / 12.0)
                - 0.6 * clamp((90 - months) / 66.0, 0, 1)
                + (age < 27 ? 0.35 * (27 - age) / 9.0 : 0)
                - (age > 45 ? 0.025 * (age - 45) : 0)
                - (age >= 60 ? 0.3 : 0)
                + EDUCATION[p.educationLevel().ordinal()]
                + LANGUAGE[p.dutchLanguageLevel().ordinal()]
                + HEALTH[p.healthLimitation().ordinal()]
                + (p.careDuties() ? -0.25 : 0)
                + (p.problematicDebts() ? -0.3 : 0)
                + (p.unstableHousing() ? -0.35 : 0)
                + (p.drivingLicence() ? 0.25 : 0)
                + 0.2 * (p.motivation() - 3)
                + 0.12 * (p.jobSearchSelfEfficacy() - 3)
                + (p.expectsWork() ? 0.8 : 0)
                + RUNG[p.participationRung() - 1]
                + 0.5 * Math.log(p.labourMarketTightness())
                + 0.12 * Math.log1p(p.yearsWorkExperience());
        logit += p.monthsSinceLastJob() == null ? -0.4
                : -0.15 * Math.log1p(Math.max(0, p.monthsSinceLastJob() - months) / 12.0);
        // Mild non-linearity: motivation pays off more when health allows; recent inflow that
        // expects work finds it faster.
        logit += p.motivation() >= 4 && p.healthLimitation() == HealthLimitation.NONE ? 0.2 : 0;
        logit += p.expectsWork() && months < 12 ? 0.3 : 0;
        return logit;
    }

    /**
     * True probabilities for every intervention (rows in {@link #interventions()} order) at 12
     * (column 0) and 24 months (column 1).
     */
    @Override
    public double[][] probabilities(IntakeProfile p) {
        double p12 = ProfileSampler.sigmoid(baselineLogit(p));
        double secondYear = ProfileSampler.sigmoid(baselineLogit(p) + SECOND_YEAR_SHIFT);
        double p24 = 1 - (1 - p12) * (1 - secondYear);
        double[][] result = new double[interventions.size()][2];
        for (int k = 0; k < interventions.size(); k++) {
            Intervention intervention = interventions.get(k);
            if (intervention.isNone()) {
                result[k] = new double[] {p12, p24};
                continue;
            }
            double m = multiplier(p, intervention);
            double k12 = clamp(p12 * (1 - lockIn[k]) + scale12[k] * m, 0, 0.99);
            double k24 = clamp(p24 + scale24[k] * m, k12, 0.995);
            result[k] = new double[] {k12, k24};
        }
        return result;
    }

    /** The client's multiplier {@code m_k(x)} and, through lock-in, the own 12-month chance without intervention. */
    @Override
    public double[] effectModifiers(IntakeProfile complete, Intervention intervention) {
        return intervention.isNone() ? new double[0]
                : new double[] {multiplier(complete, intervention), ProfileSampler.sigmoid(baselineLogit(complete))};
    }

    /** Share of the own 12-month chance an intervention costs through lock-in; zero for short programmes. */
    public double lockIn(String code) {
        return lockIn[indexOf(code)];
    }

    private static boolean locksIn(Intervention intervention) {
        return intervention.durationMonths() >= LOCK_IN_MIN_MONTHS;
    }

    /** How strongly this client responds to the intervention, relative to other clients. */
    static double multiplier(IntakeProfile p, Intervention intervention) {
        int months = p.monthsOnBenefit();
        HealthLimitation health = p.healthLimitation();
        EducationLevel education = p.educationLevel();
        boolean neverWorked = p.monthsSinceLastJob() == null;
        double m = switch (intervention.code()) {
            case "JOB_SEARCH_ASSISTANCE" -> (months < 12 ? 2.0 : months < 36 ? 1.2 : 0.5)
                    * (0.6 + 0.2 * (p.motivation() - 1));
            case "WORK_FIRST" -> (health == HealthLimitation.NONE ? 1.0 : health == HealthLimitation.SOME ? 0.5 : 0)
                    * (0.7 + 0.15 * (p.motivation() - 1));
            case "VOCATIONAL_TRAINING" -> !education.isStartingQualification() ? 1.6
                    : education == EducationLevel.MBO_2_4 ? 1.0 : education == EducationLevel.HAVO_VWO ? 0.8 : 0.3;
            case "ON_THE_JOB_TRAINING" -> neverWorked || p.yearsWorkExperience() < 2 ? 1.4 : 1.0;
            case "WAGE_SUBSIDY" -> wageSubsidyMultiplier(months, health != HealthLimitation.NONE);
            case "WORK_EXPERIENCE_PLACEMENT" -> neverWorked ? 1.3 : 1.0;
            case "JOB_COACHING" -> health == HealthLimitation.SEVERE ? 1.5 : health == HealthLimitation.SOME ? 1.0 : 0.15;
            case "DEBT_COUNSELLING" -> p.problematicDebts() ? 1.0 : 0;
            case "LANGUAGE_TRAINING" -> switch (p.dutchLanguageLevel()) {
                case A0 -> 1.3;
                case A1 -> 1.2;
                case A2 -> 0.9;
                default -> 0;
            };
            case "SOCIAL_ACTIVATION" -> p.participationRung() <= 2 ? 1.6 : p.participationRung() == 3 ? 1.0 : 0.4;
            default -> 1.0;
        };
        // Card, Kluve & Weber: smaller effects for youth and for the over-50s.
        return p.age() < 25 || p.age() >= 50 ? 0.6 * m : m;
    }

    /** Strongest for the long-term unemployed and reduced productivity; deadweight for recent inflow. */
    private static double wageSubsidyMultiplier(int months, boolean reducedProductivity) {
        boolean longTerm = months >= 24;
        if (longTerm && reducedProductivity) {
            return 2.2;
        }
        if (longTerm || reducedProductivity) {
            return 1.8;
        }
        return months < 12 ? 0.15 : 0.8;
    }

    /**
     * Sets each intervention's scale (and for long programmes its lock-in) so that its mean effect
     * over eligible clients equals the catalogue prior at both horizons.
     */
    private void normaliseToPriors() {
        ProfileSampler sampler = new ProfileSampler();
        SplittableRandom random = new SplittableRandom(NORMALISATION_SEED);
        double[] multiplierSum = new double[interventions.size()];
        double[] baselineSum = new double[interventions.size()];
        int[] eligible = new int[interventions.size()];
        for (int i = 0; i < NORMALISATION_SAMPLE; i++) {
            IntakeProfile profile = sampler.draw(random).profile();
            double p12 = ProfileSampler.sigmoid(baselineLogit(profile));
            for (int k = 0; k < interventions.size(); k++) {
                Intervention intervention = interventions.get(k);
                if (intervention.eligibility().admits(profile)) {
                    multiplierSum[k] += multiplier(profile, intervention);
                    baselineSum[k] += p12;
                    eligible[k]++;
                }
            }
        }
        for (int k = 0; k < interventions.size(); k++) {
            Intervention intervention = interventions.get(k);
            if (intervention.isNone()) {
                continue;
            }
            double meanMultiplier = multiplierSum[k] / eligible[k];
            scale24[k] = intervention.priorEffect24() / 100 / meanMultiplier;
            if (locksIn(intervention)) {
                scale12[k] = scale24[k];
                lockIn[k] = (intervention.priorEffect24() - intervention.priorEffect12()) / 100 / (baselineSum[k] / eligible[k]);
            } else {
                scale12[k] = intervention.priorEffect12() / 100 / meanMultiplier;
            }
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
