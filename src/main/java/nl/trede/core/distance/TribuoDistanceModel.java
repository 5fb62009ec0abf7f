package nl.trede.core.distance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A distance model backed by a Tribuo classifier and Platt calibration, built from a model artefact
 * after its hashes are verified ({@link #fromBytes}).
 *
 * <p>Factors are faithful by construction: a field's factor is the change in the calibrated
 * probability between this client and the same client with only that field set to the reference
 * (typical client's) value, as recorded in the model card. The klantmanager can therefore say
 * "if this fact were as for a typical client, your chance would be X points different" and it is
 * true of the model.
 *
 * <p>Immutable: one instance can serve all requests. A score with its factors needs the
 * probabilities of 17 profiles (the client and the client with each field set to the reference).
 * For a linear model they are dot products on the encoded profiles ({@link LinearLogits}, a few
 * microseconds in all); any other model answers them in one batched Tribuo prediction.
 */
public final class TribuoDistanceModel implements DistanceModel {

    /** Label of paid work within 12 months; the other label is {@link #NOT_WORKED}. */
    public static final String WORKED = "1";
    public static final String NOT_WORKED = "0";
    /** How many factors a score reports. */
    public static final int TOP_FACTORS = 5;
    /** Factors smaller than this (in percentage points) are not worth telling a client. */
    static final double MIN_FACTOR_POINTS = 0.05;

    private final String version;
    private final Model<Label> model;
    private final PlattCalibration calibration;
    private final IntakeProfile reference;
    private final FeatureEncoder encoder = new FeatureEncoder();
    /** The model's weights when it is linear; empty for other models, which Tribuo evaluates. */
    private final Optional<LinearLogits> linear;

    public TribuoDistanceModel(String version, Model<Label> model, PlattCalibration calibration, IntakeProfile reference) {
        this.version = Objects.requireNonNull(version);
        this.model = Objects.requireNonNull(model);
        this.calibration = Objects.requireNonNull(calibration);
        this.reference = Objects.requireNonNull(reference);
        this.linear = LinearLogits.of(model, WORKED, encoder, List.of(reference, IntakeProfile.empty()));
    }

    /**
     * The distance model of a verified artefact ({@link ModelFiles#verify}): the Tribuo model from
     * the bytes, the calibration and the typical client from the card.
     *
     * @throws ModelIntegrityException when the card or the model cannot be read, or the card's feature
     *                                 encoding is not this build's
     */
    @SuppressWarnings("unchecked")
    public static TribuoDistanceModel fromBytes(byte[] model, byte[] cardJson) {
        ModelCard card = ModelFiles.readCard(cardJson);
        if (!FeatureEncoder.VERSION.equals(card.featureEncoding())) {
            throw new ModelIntegrityException("Model " + card.modelVersion() + " was trained on feature encoding "
                    + card.featureEncoding() + " but this build encodes " + FeatureEncoder.VERSION);
        }
        try {
            Model<?> tribuo = Model.deserializeFromStream(new ByteArrayInputStream(model));
            if (!tribuo.validate(Label.class)) {
                throw new ModelIntegrityException(card.modelVersion() + " is not a classification model");
            }
            return new TribuoDistanceModel(card.modelVersion(), (Model<Label>) tribuo, card.calibration(), card.referenceProfile());
        } catch (IOException e) {
            throw new ModelIntegrityException("Cannot deserialize " + card.modelVersion(), e);
        }
    }

    @Override
    public String version() {
        return version;
    }

    /** The typical client that factors compare against. */
    public IntakeProfile referenceProfile() {
        return reference;
    }

    /** The calibration applied to the Tribuo model's raw probability. */
    public PlattCalibration calibration() {
        return calibration;
    }

    /** The underlying Tribuo model (for provenance and feature-domain inspection). */
    public Model<Label> tribuoModel() {
        return model;
    }

    /** Calibrated probability of paid work within 12 months without intervention. */
    public double probability(IntakeProfile profile) {
        return probabilities(List.of(profile))[0];
    }

    /** Whether scores are computed from the linear model's weights rather than by Tribuo. */
    boolean evaluatesLinearly() {
        return linear.isPresent();
    }

    /** Calibrated probabilities for many profiles: from the weights of a linear model, or in one Tribuo call. */
    public double[] probabilities(List<IntakeProfile> profiles) {
        if (linear.isPresent()) {
            double[] result = new double[profiles.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = calibration.apply(linear.get().probabilityOfWork(encoder.encode(profiles.get(i))));
            }
            return result;
        }
        List<Example<Label>> examples = new ArrayList<>(profiles.size());
        for (IntakeProfile profile : profiles) {
            examples.add(encoder.toExample(profile, LabelFactory.UNKNOWN_LABEL));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] result = new double[predictions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = calibration.apply(predictions.get(i).getOutputScores().get(WORKED).getScore());
        }
        return result;
    }

    @Override
    public DistanceScore score(IntakeProfile profile) {
        ProfileField[] fields = ProfileField.values();
        List<IntakeProfile> variants = new ArrayList<>(fields.length + 1);
        variants.add(profile);
        for (ProfileField field : fields) {
            variants.add(profile.with(field, field.valueOf(reference)));
        }
        double[] p = probabilities(variants);
        List<ProfileField> moving = new ArrayList<>();
        for (ProfileField field : fields) {
            if (Math.abs(points(p, field)) >= MIN_FACTOR_POINTS) {
                moving.add(field);
            }
        }
        moving.sort(Comparator.comparingDouble((ProfileField f) -> -Math.abs(points(p, f))));
        // Only the factors that are told get a sentence: wording them is dearer than the arithmetic.
        List<ScoreFactor> factors = moving.subList(0, Math.min(TOP_FACTORS, moving.size())).stream()
                .map(field -> FactorText.factor(field, profile, points(p, field))).toList();
        return new DistanceScore(p[0], DistanceCategory.of(p[0]), version,
                factors, profile.missingFields());
    }

    /** How many percentage points the client's chance differs from the same client with this field as the typical client's. */
    private static double points(double[] probabilities, ProfileField field) {
        return 100 * (probabilities[0] - probabilities[field.ordinal() + 1]);
    }
}
