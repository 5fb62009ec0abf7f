package nl.trede.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import nl.trede.decision.DecisionView;
import nl.trede.intake.IntakeView;
import nl.trede.outcome.OutcomeView;
import nl.trede.recommendation.RecommendationView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One fact on a client's timeline; exactly one of the four bodies is present, as {@code type} says. */
@Schema(name = "TimelineEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEvent(
        Type type,
        Instant occurredAt,
        IntakeView intake,
        RecommendationView recommendation,
        DecisionView decision,
        OutcomeView outcome) {

    @Schema(name = "TimelineEventType", description = "Which kind of fact a timeline event is; the field of that name holds it")
    public enum Type { INTAKE, RECOMMENDATION, DECISION, OUTCOME }

    static TimelineEvent of(IntakeView v) {
        return new TimelineEvent(Type.INTAKE, v.createdAt(), v, null, null, null);
    }

    static TimelineEvent of(RecommendationView v) {
        return new TimelineEvent(Type.RECOMMENDATION, v.createdAt(), null, v, null, null);
    }

    static TimelineEvent of(DecisionView v) {
        return new TimelineEvent(Type.DECISION, v.createdAt(), null, null, v, null);
    }

    static TimelineEvent of(OutcomeView v) {
        return new TimelineEvent(Type.OUTCOME, v.createdAt(), null, null, null, v);
    }
}
