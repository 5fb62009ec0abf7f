package nl.trede.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.api.NotFound;
import nl.trede.audit.AuditTrail;
import nl.trede.decision.Decision;
import nl.trede.decision.DecisionView;
import nl.trede.intake.Intake;
import nl.trede.intake.IntakeView;
import nl.trede.outcome.Outcome;
import nl.trede.outcome.OutcomeView;
import nl.trede.recommendation.Recommendation;
import nl.trede.recommendation.RecommendationView;

/** Puts a client's facts on one timeline. */
@ApplicationScoped
public class ClientHistoryService {

    private final ClientService clients;
    private final AuditTrail audit;

    public ClientHistoryService(ClientService clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @Transactional
    public ClientHistoryView history(UUID clientId) {
        Client client = clients.get(clientId);
        audit.record(AuditTrail.Action.READ, "client", client.id, client.municipalityCode, null);
        List<TimelineEvent> timeline = new ArrayList<>();
        Intake.ofClient(clientId).forEach(i -> timeline.add(TimelineEvent.of(IntakeView.of(i))));
        Recommendation.ofClient(clientId).forEach(r -> timeline.add(TimelineEvent.of(RecommendationView.of(r))));
        Decision.ofClient(clientId).forEach(d -> timeline.add(TimelineEvent.of(DecisionView.of(d))));
        Outcome.ofClient(clientId).forEach(o -> timeline.add(TimelineEvent.of(OutcomeView.of(o))));
        timeline.sort(Comparator.comparing(TimelineEvent::occurredAt));
        return new ClientHistoryView(client.id, client.municipalityCode, client.createdAt, timeline);
    }

    /** Finds a client by reference; the search is audited whether or not it finds someone. */
    @Transactional(dontRollbackOn = NotFound.class)
    public ClientHistoryView search(ClientSearch search) {
        Optional<Client> client = clients.findByReference(search.municipalityCode(), search.clientReference());
        audit.record(AuditTrail.Action.SEARCH, "client", client.map(c -> c.id).orElse(null), search.municipalityCode(), null);
        return history(client.orElseThrow(() -> new NotFound("Client with this reference")).id);
    }
}
