package nl.trede.fairness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import nl.trede.api.NotFound;
import nl.trede.audit.AuditTrail;
import nl.trede.client.Client;
import nl.trede.client.ClientService;

/** Records, shows and withdraws a client's protected attributes; every act is on the audit trail. */
@ApplicationScoped
public class FairnessAttributesService {

    private static final String RESOURCE = "fairness-attributes";

    private final ClientService clients;
    private final AuditTrail audit;

    public FairnessAttributesService(ClientService clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    /** Replaces what was recorded before: the latest statement of the client is the one that counts. */
    @Transactional
    public void record(UUID clientId, FairnessAttributesRequest request) {
        Client client = clients.get(clientId);
        FairnessAttributes attributes = FairnessAttributes.<FairnessAttributes>findByIdOptional(client.id)
                .orElseGet(FairnessAttributes::new);
        attributes.clientId = client.id;
        attributes.gender = request.gender();
        attributes.migrationBackground = request.migrationBackground();
        attributes.recordedAt = Instant.now();
        attributes.persist();
        audit.record(AuditTrail.Action.CREATE, RESOURCE, client.id, client.municipalityCode, null);
    }

    @Transactional
    public FairnessAttributesView get(UUID clientId) {
        Client client = clients.get(clientId);
        FairnessAttributes attributes = FairnessAttributes.<FairnessAttributes>findByIdOptional(client.id)
                .orElseThrow(() -> new NotFound("Fairness attributes of client " + clientId));
        audit.record(AuditTrail.Action.READ, RESOURCE, client.id, client.municipalityCode, null);
        return FairnessAttributesView.of(attributes);
    }

    /** The client withdraws them; withdrawing what was never recorded is no error (the outcome is the same). */
    @Transactional
    public void withdraw(UUID clientId) {
        Client client = clients.get(clientId);
        FairnessAttributes.eraseOfClient(client.id);
        audit.record(AuditTrail.Action.ERASE, RESOURCE, client.id, client.municipalityCode, null);
    }
}
