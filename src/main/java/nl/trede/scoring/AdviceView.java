package nl.trede.scoring;

import java.util.List;
import nl.trede.core.distance.DistanceScore;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.recommendation.RecommendationView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A what-if: the score of a profile and the advice that follows from it, from one model set. */
@Schema(name = "Advice")
public record AdviceView(
        @Schema(description = "The distance score the effects start from") ScoreView score,
        @Schema(description = "Horizon of the expected effects, in months", example = "12") int horizonMonths,
        @Schema(description = "Version of the effect model behind the expected effects") String effectModelVersion,
        @Schema(description = "Version of the intervention catalogue") String catalogueVersion,
        @Schema(description = "Eligible interventions, ranked by expected effect; always includes NONE")
        List<RecommendationView.Item> items,
        @Schema(description = "Interventions the client is not eligible for, with the reason")
        List<RecommendationView.NotEligible> notEligible) {

    public static AdviceView of(DistanceScore score, ShownAdvice advice) {
        return new AdviceView(ScoreView.of(score), advice.horizonMonths(), advice.versions().effectModel(),
                advice.versions().catalogue(), RecommendationView.items(advice), RecommendationView.notEligible(advice));
    }
}
