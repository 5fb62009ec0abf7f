package nl.trede.models;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The registered model versions with their cards, the versions serving now, and any evaluation reports. */
@Schema(name = "ModelOverview")
public record ModelOverview(
        @Schema(description = "Version per kind of model (distance, effects, catalogue) of the model set that answers requests now",
                example = "{\"catalogue\": \"catalogue-1\", \"distance\": \"distance-1.0.0\", \"effects\": \"effects-1.0.0\"}")
        Map<String, String> activeVersions,
        @Schema(description = "Every model card in the model registry, by version") List<Card> cards,
        @Schema(description = "Evaluation reports (*.evaluation.json) in the models directory, if any") List<Report> evaluations) {

    @Schema(name = "ModelCard")
    public record Card(
            @Schema(example = "distance-1.0.0") String modelVersion,
            @Schema(description = "Kind of model", example = "distance") String kind,
            @Schema(description = "True when this version is in the model set that answers requests now") boolean active,
            @Schema(description = "Whether the card's SHA-256 is still the one it was registered with")
            boolean registryHashMatches,
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
