package nl.trede.trainingruns;

import java.util.List;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.core.candidate.CandidateTraining;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The settings of a training run; every one may be left out (its default is the shipped models').
 * The same fields are the query parameters of a run from an uploaded CSV.
 */
@Schema(description = "Settings of a training run; each may be left out for its default")
public record TrainingRunSettings(
        @Schema(description = "Seeds the held-out split, the trainers and the evaluation's folds", example = "20261201")
        Long seed,
        @Schema(description = "Share of the records held out for the evaluation report and never used to fit, 0.05 to 0.5",
                example = "0.2")
        Double heldOutShare,
        @Schema(description = "STANDARD (a linear model and two boosted tree ensembles, as shipped) or LOGISTIC_REGRESSION (the "
                + "linear model alone: faster, for small histories)", example = "STANDARD")
        String distanceCandidates,
        @Schema(description = "Ridge penalty of the effect model's final stage at 12 months (standardised columns), 1 to 1,000,000",
                example = "20000")
        Double finalLambda12,
        @Schema(description = "The same at 24 months", example = "5000")
        Double finalLambda24,
        @Schema(description = "Cross-fitting folds of the effect learner and the evaluation, 2 to 10", example = "5")
        Integer folds) {

    static final double MIN_HELD_OUT = 0.05;
    static final double MAX_HELD_OUT = 0.5;

    public static TrainingRunSettings none() {
        return new TrainingRunSettings(null, null, null, null, null, null);
    }

    /**
     * The settings as carried out, defaults filled in; each invalid field is added to {@code invalid}
     * and, if there are any (also from the caller), the request is refused with all of them.
     */
    public CandidateTraining.Settings resolve(int threads, List<InvalidParam> invalid) {
        CandidateTraining.Settings d = CandidateTraining.Settings.defaults();
        if (heldOutShare != null && !(heldOutShare >= MIN_HELD_OUT && heldOutShare <= MAX_HELD_OUT)) {
            invalid.add(new InvalidParam("heldOutShare", ProblemCode.OUT_OF_RANGE, "must lie between " + MIN_HELD_OUT + " and "
                    + MAX_HELD_OUT));
        }
        CandidateTraining.DistanceCandidates candidates = d.distanceCandidates();
        if (distanceCandidates != null) {
            try {
                candidates = CandidateTraining.DistanceCandidates.valueOf(distanceCandidates);
            } catch (IllegalArgumentException e) {
                invalid.add(new InvalidParam("distanceCandidates", ProblemCode.INVALID_VALUE, "must be one of "
                        + List.of(CandidateTraining.DistanceCandidates.values())));
            }
        }
        lambda("finalLambda12", finalLambda12, invalid);
        lambda("finalLambda24", finalLambda24, invalid);
        if (folds != null && (folds < 2 || folds > 10)) {
            invalid.add(new InvalidParam("folds", ProblemCode.OUT_OF_RANGE, "must lie between 2 and 10"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        return new CandidateTraining.Settings(seed == null ? d.seed() : seed, heldOutShare == null ? d.heldOutShare() : heldOutShare,
                candidates, finalLambda12 == null ? d.finalLambda12() : finalLambda12,
                finalLambda24 == null ? d.finalLambda24() : finalLambda24, folds == null ? d.folds() : folds, threads);
    }

    private static void lambda(String name, Double value, List<InvalidParam> invalid) {
        if (value != null && !(value >= 1 && value <= 1_000_000)) {
            invalid.add(new InvalidParam(name, ProblemCode.OUT_OF_RANGE, "must lie between 1 and 1,000,000"));
        }
    }
}
