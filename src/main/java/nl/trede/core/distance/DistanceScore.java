package nl.trede.core.distance;

import java.util.List;

/** The distance score of one profile, with the reasons behind it and the fields that were missing. */
public record DistanceScore(
        double probability,
        DistanceCategory category,
        String modelVersion,
        List<ScoreFactor> factors,
        List<String> missingFields) {
}
