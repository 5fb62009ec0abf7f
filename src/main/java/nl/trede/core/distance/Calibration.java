package nl.trede.core.distance;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps a classifier's raw probability of work to a calibrated one. Monotone, so it never changes
 * the ranking (AUC) of clients. Written into the model card; which kind a card holds is told by its
 * fields ({@code slope}/{@code intercept} or {@code raw}/{@code calibrated}), so cards written
 * before isotonic calibration existed still read as Platt scaling.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(PlattCalibration.class), @JsonSubTypes.Type(IsotonicCalibration.class)})
public sealed interface Calibration permits PlattCalibration, IsotonicCalibration {

    double apply(double rawProbability);

    /** One line for the model card, e.g. the method and its parameters. */
    String describe();
}
