package nl.trede.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
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
            throw new InvalidInputException("decisionId", "is not a decision about this client");
        }
        List<Intake> intakes = Intake.ofClient(client.id);
        if (intakes.isEmpty()) {
            throw new InvalidInputException("clientId", "the client has no intake yet");
        }
        Outcome outcome = new Outcome();
        outcome.newFactAbout(client.id, client.municipalityCode);
        outcome.decisionId = decision.map(d -> d.id).orElse(null);
        outcome.observedOn = request.observedOn();
        outcome.status = request.status();
        outcome.hoursPerWeek = request.hoursPerWeek();
        outcome.participationRung = request.participationRung();
        outcome.modelVersion = decision.map(d -> d.modelVersion).orElse(intakes.get(intakes.size() - 1).modelVersion);
        outcome.persist();
        audit.record(AuditTrail.Action.CREATE, "outcome", outcome.id, outcome.municipalityCode, outcome.modelVersion);
        return outcome;
    }
}
