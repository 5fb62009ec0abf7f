package nl.trede.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Outcome")
public record OutcomeView(
        UUID id,
        UUID clientId,
        @Schema(description = "The decision this outcome follows, if any") UUID decisionId,
        String municipalityCode,
        Instant createdAt,
        LocalDate observedOn,
        OutcomeStatus status,
        Double hoursPerWeek,
        Integer participationRung,
        String modelVersion) {

    public static OutcomeView of(Outcome o) {
        return new OutcomeView(o.id, o.clientId, o.decisionId, o.municipalityCode, o.createdAt, o.observedOn,
                o.status, o.hoursPerWeek, o.participationRung, o.modelVersion);
    }
}
