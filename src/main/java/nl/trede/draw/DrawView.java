package nl.trede.draw;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.trede.core.recommend.TieDraw;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draw among the options tied with the top of an advice, as recorded. */
@Schema(name = "Draw")
public record DrawView(
        UUID id,
        UUID intakeId,
        UUID clientId,
        @Schema(description = "The advice shown that the draw was made from") UUID recommendationId,
        String municipalityCode,
        Instant createdAt,
        @Schema(description = "The options that took part, in the advice's rank order, each with its probability of being drawn")
        List<Candidate> candidates,
        @Schema(description = "Options tied with the top that the klantmanager left out") List<String> excluded,
        @Schema(description = "The option drawn: choosing it follows the advice, anything else is an override", example = "WORK_FIRST")
        String drawnCode,
        @Schema(description = "The probability the drawn option had", example = "0.5") double drawnProbability,
        @Schema(description = "The change of the municipality's setting that allowed the draw (GET "
                + "/municipalities/{municipalityCode}/tie-randomisation)") UUID settingChangeId) {

    @Schema(name = "DrawCandidate")
    public record Candidate(
            @Schema(example = "WORK_FIRST") String interventionCode,
            @Schema(description = "Probability of being drawn; the same for every candidate", example = "0.5") double probability) {
    }

    public static DrawView of(Draw draw) {
        TieDraw.Result result = draw.result();
        return new DrawView(draw.id, draw.intakeId, draw.clientId, draw.recommendationId, draw.municipalityCode, draw.createdAt,
                result.candidates().stream().map(c -> new Candidate(c.code(), c.probability())).toList(), draw.excludedCodes(),
                result.drawn(), result.drawnProbability(), draw.settingChangeId);
    }

    /** The draws of an intake, oldest first. */
    @Schema(name = "DrawList")
    public record DrawList(List<DrawView> items) {
    }
}
