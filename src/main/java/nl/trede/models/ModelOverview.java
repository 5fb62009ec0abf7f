package nl.trede.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The registry as the models page shows it: the numbered versions with their status, provenance and
 * report; the history of what was live; the proposals; the cards; and the set this instance serves.
 */
@Schema(name = "ModelOverview")
public record ModelOverview(
        @Schema(description = "Version per kind of model (distance, effects, catalogue) of the model set that answers requests "
                + "on this instance now", example = "{\"catalogue\": \"catalogue-1\", \"distance\": \"distance-1.0.0\", \"effects\": \"effects-1.1.0\"}")
        Map<String, String> activeVersions,
        @Schema(description = "The version this instance serves now; within trede.models.poll-interval (5 s) of a promotion "
                + "or rollback it is the registry's active version", example = "1")
        long servingVersion,
        @Schema(description = "Every registered version, newest first") List<Version> versions,
        @Schema(description = "Every move of the active and shadow pointer, oldest first: what was live when") List<ModelEvent> history,
        @Schema(description = "Proposals to promote a version, newest first") List<Promotion> promotions,
        @Schema(description = "Every model card in the model registry, by artefact version") List<Card> cards,
        @Schema(description = "Evaluation reports (*.evaluation.json) in the models directory, if any") List<Report> evaluations) {

    public enum Status {
        /** Registered, never active, not shadowing. */
        CANDIDATE,
        /** Scores live intakes beside the active version; never shown. */
        SHADOW,
        /** Answers requests. */
        ACTIVE,
        /** Was active, no longer. */
        RETIRED
    }

    @Schema(name = "ModelVersion")
    public record Version(
            @Schema(description = "The registry's number of this version (from a database sequence)", example = "2") long version,
            Status status,
            @Schema(description = "Its distance model (card in cards)", example = "distance-2.0.0") String distanceModel,
            @Schema(nullable = true, description = "Its effect model (card in cards); absent: the catalogue's literature priors",
                    example = "effects-2.0.0") String effectModel,
            @Schema(example = "catalogue-1") String catalogue,
            Instant registeredAt,
            @Schema(description = "Account that registered it (a training run's data scientist, or system for the seed)",
                    example = "data-scientist-rotterdam") String registeredBy,
            @Schema(type = SchemaType.OBJECT, description = "Where it came from: for a training run its id, the data's SHA-256, "
                    + "size and period, the code version, the settings and the duration") Map<String, Object> provenance,
            @Schema(nullable = true, description = "Its evaluation report; absent: none, and it cannot be proposed for promotion")
            ReportLink report) {
    }

    @Schema(name = "ModelReportLink")
    public record ReportLink(
            @Schema(description = "SHA-256 of the report's JSON; a promotion names it") String sha256,
            @Schema(nullable = true, description = "The version it was compared with (active when it was made)", example = "1")
            Long evaluatedAgainst,
            @Schema(description = "The report (JSON; HTML with Accept: text/html)", example = "/api/v1/models/2/report") String href) {
    }

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

    /** Which version was (or is) live at a moment, and since when. */
    @Schema(name = "LiveModelVersion")
    public record Live(
            @Schema(example = "1") long version,
            @Schema(example = "distance-1.0.0") String distanceModel,
            @Schema(nullable = true, example = "effects-1.1.0") String effectModel,
            @Schema(example = "catalogue-1") String catalogue,
            @Schema(description = "The moment asked about") Instant at,
            @Schema(description = "The event that made it active: it was live from its occurredAt until the next such event")
            ModelEvent since) {
    }
}
