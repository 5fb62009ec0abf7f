package nl.trede.modelcards;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The model versions in the models directory with their cards, and any evaluation reports. */
@Schema(name = "ModelOverview")
public record ModelOverview(
        @Schema(description = "Active version per kind of model, as the registry names it", example = "{\"distance\": \"distance-1.0.0\"}")
        Map<String, String> activeVersions,
        @Schema(description = "Every model card in the models directory, by file name") List<Card> cards,
        @Schema(description = "Evaluation reports (*.evaluation.json) in the models directory, if any") List<Report> evaluations) {

    @Schema(name = "ModelCard")
    public record Card(
            @Schema(example = "distance-1.0.0") String modelVersion,
            @Schema(example = "distance-1.0.0.card.json") String file,
            @Schema(description = "True when the registry names this version as active") boolean active,
            @Schema(description = "Whether the card's SHA-256 matches the registry; null when the registry names no hash for it", nullable = true)
            Boolean registryHashMatches,
            @Schema(type = SchemaType.OBJECT, description = "The card as written by the training command: metrics on held-out data, "
                    + "calibration table, subgroup metrics, training data, intended use, known limits, SHA-256 of the model file")
            Map<String, Object> card) {
    }

    @Schema(name = "EvaluationReport")
    public record Report(
            @Schema(example = "distance-1.0.0.evaluation.json") String file,
            @Schema(type = SchemaType.OBJECT, description = "The report as written by the evaluation command") Map<String, Object> report) {
    }
}
