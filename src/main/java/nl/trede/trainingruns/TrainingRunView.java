package nl.trede.trainingruns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.trede.core.candidate.CandidateTraining;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training run as the API shows it. */
@Schema(description = "A training run: what it reads, where it is, its log, and the candidate version it registered")
public record TrainingRunView(
        UUID id,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED", example = "RUNNING") String status,
        @Schema(description = "HISTORY (the service's own decisions) or CSV (an uploaded history)", example = "HISTORY") String source,
        @Schema(description = "The municipality whose decisions are read (HISTORY only)", example = "GM0599") String municipalityCode,
        LocalDate from,
        LocalDate to,
        @Schema(description = "The settings as carried out, defaults filled in") TrainingRunSettings settings,
        @Schema(description = "Who started it") String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "What it is doing now (reading the records, fitting the distance model, ...)",
                example = "fitting the effect model") String stage,
        @Schema(description = "Fraction done, 0 to 1", example = "0.4") double progress,
        @Schema(description = "The registered candidate version (SUCCEEDED only); propose it with POST /models/promotions",
                example = "7") Long modelVersion,
        @Schema(description = "Address of that version's evaluation report", example = "/api/v1/models/7/report") String report,
        @Schema(description = "The version's provenance (SUCCEEDED only): data (SHA-256, records, period), code version, settings, "
                + "duration, split and positivity problems", type = SchemaType.OBJECT) Map<String, Object> result,
        @Schema(description = "Why it failed (FAILED only)") String failure,
        @Schema(description = "The run's log, oldest first (left out of the list of runs)") List<LogLine> log) {

    @Schema(name = "TrainingRunLogLine", description = "One line of a training run's log")
    public record LogLine(@Schema(example = "1") int seq, Instant at, String line) {
    }

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    static TrainingRunView of(TrainingRun run, List<LogLine> log, ObjectMapper json) {
        CandidateTraining.Settings s = read(run.settings, json, new TypeReference<CandidateTraining.Settings>() { });
        TrainingRunSettings settings = new TrainingRunSettings(s.seed(), s.heldOutShare(), s.distanceCandidates().name(),
                s.finalLambda12(), s.finalLambda24(), s.folds());
        return new TrainingRunView(run.id, run.status.name(), run.source.name(), run.municipalityCode, run.periodFrom, run.periodTo,
                settings, run.requestedBy, run.requestedAt, run.startedAt, run.finishedAt, run.stage, run.progress,
                run.modelVersion, run.modelVersion == null ? null : "/api/v1/models/" + run.modelVersion + "/report",
                run.result == null ? null : read(run.result, json, OBJECT), run.failure, log);
    }

    private static <T> T read(String text, ObjectMapper json, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored training run holds unreadable JSON", e);
        }
    }
}
