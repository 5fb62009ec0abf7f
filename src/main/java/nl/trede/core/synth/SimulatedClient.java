package nl.trede.core.synth;

import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;

/**
 * One simulated bijstand client: what the intake recorded (with gaps), the complete truth behind
 * it, the protected attributes, the historical assignment and its observed outcomes, and the true
 * probabilities and potential outcomes under every intervention.
 *
 * <p>Potential outcomes share one pair of uniform draws across interventions (common random
 * numbers), so a client who finds work without help also finds work with a programme that does not
 * lower their chance, and the observed outcome is the potential outcome of the assigned arm.
 */
public final class SimulatedClient {

    private final int id;
    private final IntakeProfile trueProfile;
    private final IntakeProfile profile;
    private final Gender gender;
    private final boolean migrationBackground;
    private final double[][] trueProbabilities;
    private final String intervention;
    private final double propensity;
    private final boolean randomised;
    private final double draw12;
    private final double draw24;

    SimulatedClient(int id, IntakeProfile trueProfile, IntakeProfile profile, Gender gender, boolean migrationBackground,
            double[][] trueProbabilities, String intervention, double propensity, boolean randomised,
            double draw12, double draw24) {
        this.id = id;
        this.trueProfile = trueProfile;
        this.profile = profile;
        this.gender = gender;
        this.migrationBackground = migrationBackground;
        this.trueProbabilities = trueProbabilities;
        this.intervention = intervention;
        this.propensity = propensity;
        this.randomised = randomised;
        this.draw12 = draw12;
        this.draw24 = draw24;
    }

    public int id() {
        return id;
    }

    /** The intake as recorded, with the configured share of fields missing: the only model input. */
    public IntakeProfile profile() {
        return profile;
    }

    /** The complete profile behind the intake; ground truth, not available in practice. */
    public IntakeProfile trueProfile() {
        return trueProfile;
    }

    /** Protected attribute; for fairness monitoring only, never a feature. */
    public Gender gender() {
        return gender;
    }

    /** Protected attribute; for fairness monitoring only, never a feature. */
    public boolean migrationBackground() {
        return migrationBackground;
    }

    /** Code of the intervention the klantmanager historically assigned. */
    public String intervention() {
        return intervention;
    }

    /** True probability that this client was assigned {@link #intervention()}. */
    public double propensity() {
        return propensity;
    }

    /** Whether the assignment came from the randomised share of the history. */
    public boolean randomised() {
        return randomised;
    }

    /** True probability of paid work within {@code horizonMonths} (12 or 24) under an intervention. */
    public double trueProbability(String code, int horizonMonths) {
        return trueProbabilities[TrueOutcomeModel.STANDARD.indexOf(code)][column(horizonMonths)];
    }

    /** True probability of paid work within the horizon without intervention. */
    public double baselineProbability(int horizonMonths) {
        return trueProbability(Intervention.NONE, horizonMonths);
    }

    /** True effect of an intervention, as a probability difference (multiply by 100 for percentage points). */
    public double trueEffect(String code, int horizonMonths) {
        return trueProbability(code, horizonMonths) - baselineProbability(horizonMonths);
    }

    /** The potential outcome: would this client work within the horizon under this intervention? */
    public boolean potentialOutcome(String code, int horizonMonths) {
        double p12 = trueProbability(code, 12);
        boolean worked12 = draw12 < p12;
        if (horizonMonths < 24) {
            return worked12;
        }
        double p24 = trueProbability(code, 24);
        return worked12 || draw24 < (p24 - p12) / (1 - p12);
    }

    /** Observed outcome: paid work within 12 months under the assigned intervention. */
    public boolean worked12() {
        return potentialOutcome(intervention, 12);
    }

    /** Observed outcome: paid work within 24 months under the assigned intervention. */
    public boolean worked24() {
        return potentialOutcome(intervention, 24);
    }

    private static int column(int horizonMonths) {
        return horizonMonths >= 24 ? 1 : 0;
    }
}
