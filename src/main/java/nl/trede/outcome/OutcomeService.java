package nl.trede.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.client.Client;
import nl.trede.client.ClientService;
import nl.trede.decision.Decision;
import nl.trede.intake.Intake;

/** Records outcomes and ties each to the decision (and so the models) it follows. */
@ApplicationScoped
public class OutcomeService {

    private final ClientService clients;
    private final AuditTrail audit;

    public OutcomeService(ClientService clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @Transactional
    public Outcome record(UUID clientId, OutcomeRequest request) {
        Client client = clients.get(clientId);
        Optional<Decision> decision = request.decisionId() == null
                ? Decision.latestOfClient(client.id)
                : Decision.<Decision>findByIdOptional(request.decisionId()).filter(d -> d.clientId.equals(client.id));
        if (request.decisionId() != null && decision.isEmpty()) {
            throw new InvalidInputException("decisionId", ProblemCode.UNKNOWN_REFERENCE, "is not a decision about this client");
        }
        Outcome outcome = new Outcome();
        outcome.newFactAbout(client.id, client.municipalityCode);
        outcome.decisionId = decision.map(d -> d.id).orElse(null);
        outcome.observedOn = request.observedOn();
        outcome.status = request.status();
        outcome.hoursPerWeek = request.hoursPerWeek();
        outcome.participationRung = request.participationRung();
        // Without a decision the outcome follows the latest intake: every client is registered by one.
        outcome.modelVersion = decision.map(d -> d.modelVersion).orElseGet(() -> Intake.latestOfClient(client.id).modelVersion);
        outcome.persist();
        audit.record(AuditTrail.Action.CREATE, "outcome", outcome.id, outcome.municipalityCode, outcome.modelVersion);
        return outcome;
    }
}
