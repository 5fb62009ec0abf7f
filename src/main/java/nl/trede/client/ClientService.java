package nl.trede.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.trede.api.NotFound;
import nl.trede.security.CurrentUser;

/** Finds or registers clients by their case-system reference, never keeping the reference. */
@ApplicationScoped
public class ClientService {

    private final ClientReferenceHasher hasher;
    private final CurrentUser user;

    public ClientService(ClientReferenceHasher hasher, CurrentUser user) {
        this.hasher = hasher;
        this.user = user;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Client findOrRegister(String municipalityCode, String clientReference) {
        user.requireActingFor(municipalityCode);
        String hash = hasher.hash(municipalityCode, clientReference);
        return Client.findByReference(municipalityCode, hash).orElseGet(() -> {
            Client client = new Client();
            client.id = UUID.randomUUID();
            client.municipalityCode = municipalityCode;
            client.referenceHash = hash;
            client.createdAt = Instant.now();
            client.persist();
            return client;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Client> findByReference(String municipalityCode, String clientReference) {
        user.requireActingFor(municipalityCode);
        return Client.findByReference(municipalityCode, hasher.hash(municipalityCode, clientReference));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Client get(UUID clientId) {
        Client client = Client.<Client>findByIdOptional(clientId).filter(c -> c.erasedAt == null)
                .orElseThrow(() -> new NotFound("Client " + clientId));
        user.requireVisible(client.municipalityCode, "Client " + clientId);
        return client;
    }
}
