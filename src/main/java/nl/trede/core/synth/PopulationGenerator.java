package nl.trede.core.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;

/**
 * Generates a synthetic bijstand population with known ground truth (an {@link OutcomeTruth};
 * {@link TrueOutcomeModel} by default) and a non-random history: klantmanagers cream-skim (clients who
 * look likely to succeed get a programme more often), choose among the interventions the intake
 * makes them eligible for by a {@link Preference}, and a configurable share of clients is randomised
 * uniformly among their eligible interventions. {@link TestHistories} declares other truths and
 * preferences on the same machinery.
 *
 * <p>Assignment depends only on the recorded intake (with its gaps), never on the hidden truth,
 * so effects are identifiable from the history given the intake. Same seed and settings give an
 * identical population.
 */
public final class PopulationGenerator {

    /**
     * How the population and its history are generated.
     *
     * @param missingShare     chance that each optional intake field is blanked, independently
     * @param randomisedShare  share of the history assigned uniformly at random among eligible interventions
     * @param creamSkimming    log-odds increase of getting a programme per unit of the klantmanager's
     *                         impression of the client's baseline log-odds (0 = no cream-skimming)
     * @param programmeShare   share of the non-randomised history that gets a programme at an average impression
     */
    public record Settings(double missingShare, double randomisedShare, double creamSkimming, double programmeShare) {

        public static Settings defaults() {
            return new Settings(0.05, 0.10, 1.0, 0.35);
        }
    }

    /** How readily a klantmanager picks an (eligible, non-NONE) intervention for an intake, before normalising. */
    @FunctionalInterface
    public interface Preference {
        double weight(IntakeProfile recorded, Intervention intervention);
    }

    /**
     * The typical client a klantmanager has in mind when a fact is not known; also the value the
     * impression of a client falls back on for missing fields.
     */
    static final IntakeProfile TYPICAL = new IntakeProfile(45, EducationLevel.VMBO, LanguageLevel.C1, 48, 72, 8,
            HealthLimitation.NONE, false, false, false, false, 3, 3, false, 3, 1.0);

    /** Centre of the klantmanagers' impressions (baseline log-odds of the typical stock client). */
    private static final double IMPRESSION_CENTRE = -2.7;

    private static final List<Intervention> INTERVENTIONS = Catalogue.STARTING.interventions();

    private final Settings settings;
    private final OutcomeTruth truth;
    private final Preference preference;
    private final String origin;
    private final ProfileSampler sampler = new ProfileSampler();

    /** Today's simulator: {@link TrueOutcomeModel} with the klantmanagers' standard preferences. */
    public PopulationGenerator(Settings settings) {
        this(settings, TrueOutcomeModel.STANDARD, PopulationGenerator::standardPreference, "PopulationGenerator " + settings);
    }

    /** @param origin how the training data describe where they come from (without size and seed) */
    PopulationGenerator(Settings settings, OutcomeTruth truth, Preference preference, String origin) {
        this.settings = settings;
        this.truth = truth;
        this.preference = preference;
        this.origin = origin;
    }

    public PopulationGenerator() {
        this(Settings.defaults());
    }

    /** The truth the populations are drawn from. */
    OutcomeTruth truth() {
        return truth;
    }

    public SyntheticPopulation generate(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SimulatedClient> clients = new ArrayList<>(size);
        for (int id = 0; id < size; id++) {
            clients.add(simulate(id, random.split()));
        }
        return new SyntheticPopulation(seed, settings, origin, List.copyOf(clients));
    }

    private SimulatedClient simulate(int id, SplittableRandom random) {
        ProfileSampler.Draw draw = sampler.draw(random);
        IntakeProfile recorded = blank(draw.profile(), random);
        double[] propensities = propensities(recorded);
        boolean randomised = random.nextDouble() < settings.randomisedShare();
        double[] chooseFrom = randomised ? uniformOverEligible(recorded) : historicalChoice(recorded);
        int arm = ProfileSampler.pick(random, chooseFrom);
        return new SimulatedClient(id, draw.profile(), recorded, draw.gender(), draw.migrationBackground(),
                truth.probabilities(draw.profile()), INTERVENTIONS.get(arm).code(), propensities[arm],
                randomised, random.nextDouble(), random.nextDouble());
    }

    private IntakeProfile blank(IntakeProfile complete, SplittableRandom random) {
        IntakeProfile recorded = complete;
        for (ProfileField field : ProfileField.values()) {
            if (field.canBeMissing() && random.nextDouble() < settings.missingShare()) {
                recorded = recorded.with(field, null);
            }
        }
        return recorded;
    }

    /** True assignment probabilities: the mixture of the randomised and the klantmanagers' history. */
    double[] propensities(IntakeProfile recorded) {
        double[] uniform = uniformOverEligible(recorded);
        double[] historical = historicalChoice(recorded);
        double[] result = new double[uniform.length];
        for (int k = 0; k < result.length; k++) {
            result[k] = settings.randomisedShare() * uniform[k] + (1 - settings.randomisedShare()) * historical[k];
        }
        return result;
    }

    /** The probability of each eligible intervention (NONE included) when the assignment is randomised. */
    static double randomisedProbability(IntakeProfile recorded) {
        return Arrays.stream(uniformOverEligible(recorded)).max().orElseThrow();
    }

    private static double[] uniformOverEligible(IntakeProfile recorded) {
        double[] weights = new double[INTERVENTIONS.size()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = INTERVENTIONS.get(k).eligibility().admits(recorded) ? 1 : 0;
        }
        return normalise(weights);
    }

    /**
     * The klantmanagers' choice: a programme more often for clients who look likely to work
     * (cream-skimming), and among programmes the ones that seem to fit the intake.
     */
    private double[] historicalChoice(IntakeProfile recorded) {
        double impression = truth.baselineLogit(fillFromTypical(recorded));
        double programme = ProfileSampler.sigmoid(Math.log(settings.programmeShare() / (1 - settings.programmeShare()))
                + settings.creamSkimming() * (impression - IMPRESSION_CENTRE));
        double[] weights = new double[INTERVENTIONS.size()];
        for (int k = 0; k < weights.length; k++) {
            Intervention intervention = INTERVENTIONS.get(k);
            if (!intervention.isNone() && intervention.eligibility().admits(recorded)) {
                weights[k] = preference.weight(recorded, intervention);
            }
        }
        double[] choice = normalise(weights);
        for (int k = 0; k < choice.length; k++) {
            choice[k] = INTERVENTIONS.get(k).isNone() ? 1 - programme : programme * choice[k];
        }
        return choice;
    }

    /** Today's simulator's klantmanagers: who gets which programme, before normalising. */
    static double standardPreference(IntakeProfile p, Intervention intervention) {
        Integer months = p.monthsOnBenefit();
        return switch (intervention.code()) {
            case "JOB_SEARCH_ASSISTANCE" -> 3.0;
            case "WORK_FIRST" -> p.healthLimitation() == HealthLimitation.SOME ? 1.0 : 2.0;
            case "VOCATIONAL_TRAINING" -> 1.5;
            case "WAGE_SUBSIDY" -> (months != null && months >= 24) || p.healthLimitation() == HealthLimitation.SEVERE ? 2.0 : 1.0;
            case "JOB_COACHING" -> 2.0;
            case "DEBT_COUNSELLING" -> Boolean.TRUE.equals(p.problematicDebts()) ? 3.0 : 0.3;
            case "LANGUAGE_TRAINING" -> 3.0;
            case "SOCIAL_ACTIVATION" -> p.participationRung() != null && p.participationRung() <= 2 ? 3.0 : 1.0;
            default -> 1.0;
        };
    }

    private static IntakeProfile fillFromTypical(IntakeProfile recorded) {
        IntakeProfile filled = recorded;
        for (ProfileField field : ProfileField.values()) {
            if (field.canBeMissing() && field.valueOf(filled) == null) {
                filled = filled.with(field, field.valueOf(TYPICAL));
            }
        }
        return filled;
    }

    private static double[] normalise(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] result = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            result[k] = sum == 0 ? 0 : weights[k] / sum;
        }
        return result;
    }
}
