package nl.trede.core.effects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.ArmEffect;
import nl.trede.core.causal.DrLearnerModel;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.causal.LogisticModel;
import nl.trede.core.causal.Prior;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.ModelIntegrityException;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.wording.Rationale;
import nl.trede.core.wording.RationaleVocabulary;
import nl.trede.core.wording.RationaleVocabulary.Driver;

/**
 * Client-specific expected effects learned from the (confounded) history: one doubly robust
 * DR-learner per intervention and horizon (12 and 24 months), each fitted by
 * {@link nl.trede.core.causal.DoublyRobustEstimator} on the clients eligible for that intervention,
 * with arms {@code NONE} (control), the intervention, and {@code OTHER} (any other intervention), so
 * that its average effect is the average over everyone it is meant for. Cross-fitted propensity and
 * outcome models adjust for every intake column; the final stage is linear in a few named effect
 * modifiers and the literature prior ({@link EffectFeatures}).
 *
 * <p>Per client, the learned effect is blended with the catalogue prior ({@link PriorEffectModel}) by
 * precision weighting: {@code priorShare} says how much of the estimate is prior. The prior is the
 * literature's interval, widened where the history's own average effect contradicts it
 * ({@link ArmModel#priorWidening()}): a municipality whose programme works differently is not held to
 * the literature. A client outside
 * the support of the history for an intervention (too few comparable clients received it) gets
 * {@code comparableHistory = false} and no number. The rationale names the two or three modifiers
 * that move this client's learned effect most away from the average client's.
 *
 * <p>Ties: the interventions are fitted separately, so there is no joint covariance between two
 * interventions' estimates; the {@link nl.trede.core.recommend.Recommender}'s rule (independent
 * standard errors) applies, which errs toward calling options tied.
 */
public final class LearnedEffectModel implements EffectModel {

    public static final String FORMAT = "trede-learned-effects/1";
    /** Registry key of the effect model. */
    public static final String KIND = "effects";
    public static final String CONTROL = Intervention.NONE;
    public static final String OTHER = "OTHER";

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One intervention's model at one horizon, and how many clients it was learned from.
     *
     * @param priorWidening how far, beyond both uncertainties, this history's average effect lies from the
     *                      literature's (a probability difference, see {@link EffectModelTrainer}): added in
     *                      quadrature to the prior's sd, so a prior the data contradict weighs less
     */
    public record ArmModel(int horizonMonths, String intervention, int eligibleClients, int treatedClients,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) double priorWidening, DrLearnerModel.State model) {
    }

    /** The file content. */
    public record Stored(String format, String version, String featureVersion, Map<String, String> provenance,
                         LogisticModel baseline, List<ArmModel> models) {
    }

    private final Stored stored;
    private final Map<String, DrLearnerModel> models = new LinkedHashMap<>();
    private final Map<String, ArmModel> arms = new LinkedHashMap<>();
    private final PriorEffectModel prior = new PriorEffectModel();
    private final EffectFeatures features;

    public LearnedEffectModel(Stored stored) {
        if (!FORMAT.equals(stored.format())) {
            throw new IllegalArgumentException("not a " + FORMAT + " file: " + stored.format());
        }
        this.features = EffectFeatures.of(stored.featureVersion());
        this.stored = stored;
        for (ArmModel arm : stored.models()) {
            String key = key(arm.intervention(), arm.horizonMonths());
            models.put(key, new DrLearnerModel(arm.model()));
            arms.put(key, arm);
        }
    }

    private static String key(String code, int horizonMonths) {
        return code + "@" + (horizonMonths >= 24 ? 24 : 12);
    }

    @Override
    public String version() {
        return stored.version();
    }

    public Stored stored() {
        return stored;
    }

    /** The fitted DR-learner of one intervention at one horizon (arms NONE, the intervention, OTHER). */
    public DrLearnerModel model(String code, int horizonMonths) {
        return models.get(key(code, horizonMonths));
    }

    /** The design row this model uses for a client, intervention and horizon, with its own baseline chance. */
    public double[] design(IntakeProfile profile, Intervention intervention, int horizonMonths) {
        return features.encode(profile, baselineChance(profile),
                prior.estimate(profile, intervention, horizonMonths).pointEstimate() / 100);
    }

    /**
     * The model's own estimate of the chance of work within 12 months without intervention, fitted
     * with it on the untreated clients of the history: the baseline column it was trained with, and
     * the one training and evaluation use. The service passes the distance score instead (the same
     * quantity, from the model whose number the klantmanager sees), so that one number speaks for it.
     */
    public double baselineChance(IntakeProfile profile) {
        return stored.baseline().probability(features.baseDesign(profile));
    }

    /** The T-learner baseline for comparison (difference of per-arm outcome models), as a probability difference. */
    public double tLearnerEffect(IntakeProfile profile, Intervention intervention, int horizonMonths) {
        return model(intervention.code(), horizonMonths).tLearnerEffect(design(profile, intervention, horizonMonths), 1);
    }

    /** The learned effect without the prior (priorShare 0), in percentage points, with the model's own baseline; for evaluation. */
    public EffectEstimate estimateWithoutPrior(IntakeProfile profile, Intervention intervention, int horizonMonths) {
        return estimate(profile, baselineChance(profile), intervention, horizonMonths, false);
    }

    @Override
    public EffectEstimate estimate(IntakeProfile profile, double baselineChance, Intervention intervention, int horizonMonths) {
        return estimate(profile, baselineChance, intervention, horizonMonths, true);
    }

    private EffectEstimate estimate(IntakeProfile profile, double baselineChance, Intervention intervention, int horizonMonths,
                                    boolean shrink) {
        int horizon = horizonMonths >= 24 ? 24 : 12;
        if (intervention.isNone()) {
            return new EffectEstimate(0, 0, 0, horizon, EffectSource.LEARNED, 0, true, RationaleVocabulary.noIntervention());
        }
        EffectEstimate literature = prior.estimate(profile, intervention, horizon);
        DrLearnerModel model = model(intervention.code(), horizon);
        if (model == null) {
            return literature; // not in the history at all: the prior, marked as such
        }
        if (!intervention.eligibility().admits(profile)) {
            return new EffectEstimate(literature.pointEstimate(), literature.lower(), literature.upper(), horizon,
                    EffectSource.PRIOR, 1.0, false, intervention.eligibility().notEligible());
        }
        double[] x = features.encode(profile, baselineChance, literature.pointEstimate() / 100);
        Prior[] priors = new Prior[3];
        if (shrink) {
            Prior stated = prior.prior(profile, intervention, horizon);
            double widening = arms.get(key(intervention.code(), horizon)).priorWidening();
            priors[1] = new Prior(stated.mean(), Math.hypot(stated.sd(), widening));
        }
        ArmEffect effect = model.predict(x, priors).effect(1);
        Rationale rationale = effect.onSupport()
                ? rationale(model, x, effect, arms.get(key(intervention.code(), horizon)))
                : RationaleVocabulary.notComparable(effect.supportNote());
        return new EffectEstimate(100 * effect.estimate(), 100 * effect.lower(), 100 * effect.upper(), horizon,
                effect.source(), effect.priorShare(), effect.onSupport(), rationale);
    }

    /**
     * The nuisances of one intervention's model for a client, which doubly robust values of a policy
     * weigh recorded outcomes with: the chance of being given the control and the intervention (among
     * the three arms the model was fitted on), and the expected outcome under each. Empty when the
     * client is not eligible or the history never had the intervention.
     */
    public record Nuisance(double controlPropensity, double propensity, double controlOutcome, double outcome) {
    }

    public Optional<Nuisance> nuisance(IntakeProfile profile, double baselineChance, Intervention intervention, int horizonMonths) {
        int horizon = horizonMonths >= 24 ? 24 : 12;
        DrLearnerModel model = intervention.isNone() ? null : model(intervention.code(), horizon);
        if (model == null || !intervention.eligibility().admits(profile)) {
            return Optional.empty();
        }
        double[] x = features.encode(profile, baselineChance, prior.estimate(profile, intervention, horizon).pointEstimate() / 100);
        double[] e = model.propensities(x);
        return Optional.of(new Nuisance(e[0], e[1], model.expectedOutcome(x, 0), model.expectedOutcome(x, 1)));
    }

    /** The modifiers that move this client's learned effect most from the average client's, and the prior/data split. */
    private Rationale rationale(DrLearnerModel model, double[] x, ArmEffect effect, ArmModel arm) {
        DrLearnerModel.State s = model.state();
        double[] b = s.effectCoefficients()[0];
        List<Driver> drivers = new ArrayList<>();
        for (int c = 0; c < x.length; c++) {
            double coefficient = b[c + 1];
            if (coefficient == 0) {
                continue;
            }
            double contribution = coefficient * (x[c] - s.featureMeans()[c]) / s.featureScales()[c];
            if (Math.abs(contribution) >= 0.0005) {
                drivers.add(new Driver(RationaleVocabulary.modifier(s.featureNames().get(c)), 100 * contribution));
            }
        }
        for (int t = 0; t < s.effectTerms().size(); t++) {
            double contribution = b[x.length + 1 + t] * model.standardisedTerm(x, t);
            if (Math.abs(contribution) >= 0.0005) {
                drivers.add(new Driver(features.describe(s.effectTerms().get(t)), 100 * contribution));
            }
        }
        drivers.sort(Comparator.comparingDouble((Driver d) -> -Math.abs(d.percentagePoints())));
        return RationaleVocabulary.learned(arm.eligibleClients(), arm.treatedClients(),
                drivers.subList(0, Math.min(3, drivers.size())), effect.priorShare());
    }

    /** The model as compact JSON (numbers in full precision). */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsString(stored).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the effect model", e);
        }
    }

    private static LearnedEffectModel fromJson(byte[] json) throws IOException {
        return new LearnedEffectModel(JSON.readValue(json, Stored.class));
    }

    /**
     * The effect model of a verified artefact ({@link ModelFiles#verify}); the model file names its
     * own version, which must be the card's.
     *
     * @throws ModelIntegrityException when the card or the model cannot be read or they disagree
     */
    public static LearnedEffectModel fromBytes(byte[] model, byte[] cardJson) {
        EffectModelCard card;
        try {
            card = JSON.readValue(cardJson, EffectModelCard.class);
        } catch (IOException e) {
            throw new ModelIntegrityException("Unreadable effect model card", e);
        }
        try {
            LearnedEffectModel learned = fromJson(model);
            if (!learned.version().equals(card.modelVersion())) {
                throw new ModelIntegrityException("Effect model file holds " + learned.version() + ", its card says "
                        + card.modelVersion());
            }
            return learned;
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelIntegrityException("Cannot read effect model " + card.modelFile(), e);
        }
    }
}
