package nl.trede.scoring;

import java.util.List;
import nl.trede.core.distance.DistanceScore;
import nl.trede.core.distance.ScoreFactor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The distance score as the API shows it. */
@Schema(name = "DistanceScore")
public record ScoreView(
        @Schema(description = "Probability of paid work within 12 months without intervention", example = "0.18")
        double probability,
        @Schema(description = "Distance category: 1 = klaar voor werk, 2 = korte afstand, 3 = middelgrote afstand, 4 = grote afstand", example = "3")
        int category,
        @Schema(description = "Dutch label of the category", example = "middelgrote afstand tot werk")
        String categoryLabel,
        @Schema(description = "Version of the model that produced the score")
        String modelVersion,
        @Schema(description = "The main reasons behind the score, largest first")
        List<FactorView> factors,
        @Schema(description = "Intake fields that were not given; the score is less certain for each")
        List<String> missingFields) {

    /** One reason: the field, whether it raises or lowers the chance of work, by how much, in words. */
    @Schema(name = "ScoreFactor")
    public record FactorView(
            @Schema(example = "expectsWork") String field,
            @Schema(example = "RAISES_CHANCE") ScoreFactor.Direction direction,
            @Schema(description = "Size in percentage points on the probability, compared with a typical client", example = "6.1")
            double percentagePoints,
            @Schema(description = "Plain Dutch, for the klantmanager to repeat to the client")
            String explanation) {

        public static FactorView of(ScoreFactor f) {
            return new FactorView(f.field(), f.direction(), f.percentagePoints(), f.explanation());
        }
    }

    public static ScoreView of(DistanceScore score) {
        return new ScoreView(score.probability(), score.category().number(), score.category().dutchLabel(),
                score.modelVersion(), score.factors().stream().map(FactorView::of).toList(), score.missingFields());
    }
}
