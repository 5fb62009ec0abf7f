package nl.trede.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.client.Client;
import nl.trede.client.ClientService;
import nl.trede.decision.Decision;
import nl.trede.intake.Intake;

/** Records outcomes and ties each to the decision (and so the models) it follows. */
@ApplicationScoped
public class OutcomeService {

    /*
     * Outcome dates are Dutch calendar days, bounded by the client's first intake (an outcome may
     * be reported late, after a reassessment) and today, with one day of leeway on either side for
     * the clocks and time zones of case systems. The bounds also keep out dates that a DATE column
     * does not store as sent (before the Gregorian calendar, or beyond year 9999).
     */
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Period CLOCK_SKEW = Period.ofDays(1);

    private final ClientService clients;
    private final AuditTrail audit;

    public OutcomeService(ClientService clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @Transactional
    public Outcome record(UUID clientId, OutcomeRequest request) {
        Client client = clients.get(clientId);
        Intake firstIntake = Intake.find("clientId = ?1 order by createdAt", client.id).firstResult();
        if (firstIntake == null) {
            // Only a client whose first intake failed after registering them has none.
            throw new InvalidInputException("clientId", ProblemCode.UNKNOWN_REFERENCE, "has no intake yet");
        }
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        LocalDate earliest = firstIntake.createdAt.atZone(ZONE).toLocalDate().minus(CLOCK_SKEW);
        LocalDate latest = LocalDate.now(ZONE).plus(CLOCK_SKEW);
        if (request.observedOn().isBefore(earliest) || request.observedOn().isAfter(latest)) {
            invalid.add(new Problem.InvalidParam("observedOn", ProblemCode.OUT_OF_RANGE, "must be from " + earliest
                    + " (the day before the client's first intake) to " + latest + " (tomorrow)"));
        }
        Optional<Decision> decision = request.decisionId() == null
                ? Decision.latestOfClient(client.id)
                : Decision.<Decision>findByIdOptional(request.decisionId()).filter(d -> d.clientId.equals(client.id));
        if (request.decisionId() != null && decision.isEmpty()) {
            invalid.add(new Problem.InvalidParam("decisionId", ProblemCode.UNKNOWN_REFERENCE, "is not a decision about this client"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        Outcome outcome = new Outcome();
        outcome.newFactAbout(client.id, client.municipalityCode);
        outcome.decisionId = decision.map(d -> d.id).orElse(null);
        outcome.observedOn = request.observedOn();
        outcome.status = request.status();
        outcome.hoursPerWeek = request.hoursPerWeek();
        outcome.participationRung = request.participationRung();
        // Without a decision the outcome follows the latest intake (there is one, see above).
        outcome.modelVersion = decision.map(d -> d.modelVersion).orElseGet(() -> Intake.latestOfClient(client.id).modelVersion);
        outcome.persist();
        audit.record(AuditTrail.Action.CREATE, "outcome", outcome.id, outcome.municipalityCode, outcome.modelVersion);
        return outcome;
    }
}
