package nl.trede.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.trede.draw.Draw;
import nl.trede.draw.DrawView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Decision")
public record DecisionView(
        UUID id,
        UUID intakeId,
        UUID clientId,
        UUID recommendationId,
        String municipalityCode,
        Instant createdAt,
        List<String> interventionCodes,
        String klantmanagerId,
        @Schema(description = "Top recommendation of the advice decided on") String recommendedCode,
        @Schema(description = "Category of the intake's score") int scoreCategory,
        Integer adjustedCategory,
        @Schema(description = "True when the decision deviates from the advice or the score's category") boolean override,
        ReasonCode reasonCode,
        String note,
        @Schema(description = "Version of the distance model behind the intake's score") String modelVersion,
        @Schema(description = "Version of the effect model behind the advice decided on") String effectModelVersion,
        @Schema(description = "Version of the intervention catalogue of the advice decided on; null for decisions recorded "
                + "before decisions kept it", nullable = true) String catalogueVersion,
        @Schema(description = "The draw among tied options the decision was taken after: its candidates, their probabilities and "
                + "the option drawn; null without a draw", nullable = true) DrawView draw) {

    public static DecisionView of(Decision d) {
        return new DecisionView(d.id, d.intakeId, d.clientId, d.recommendationId, d.municipalityCode, d.createdAt,
                d.chosenCodes(), d.klantmanagerId,
                d.recommendedCode, d.scoreCategory, d.adjustedCategory, d.override, d.reasonCode, d.note,
                d.modelVersion, d.effectModelVersion, d.catalogueVersion,
                d.drawId == null ? null : DrawView.of(Draw.<Draw>findById(d.drawId)));
    }
}
