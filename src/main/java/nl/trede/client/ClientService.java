package nl.trede.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
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
        return find(municipalityCode, clientReference).orElseGet(() -> {
            Client client = new Client();
            client.id = UUID.randomUUID();
            client.municipalityCode = municipalityCode;
            client.referenceHash = hasher.hash(municipalityCode, clientReference);
            client.createdAt = Instant.now();
            client.persist();
            return client;
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Client> findByReference(String municipalityCode, String clientReference) {
        user.requireActingFor(municipalityCode);
        return find(municipalityCode, clientReference);
    }

    /**
     * Looks under the current key and the previous ones; a client found under a previous key is
     * re-keyed to the current key in the caller's transaction, so a rotation completes client by
     * client as the case system sends each reference again.
     */
    private Optional<Client> find(String municipalityCode, String clientReference) {
        List<String> hashes = hasher.hashesUnderAllKeys(municipalityCode, clientReference);
        Optional<Client> client = Client.findByReference(municipalityCode, hashes);
        client.ifPresent(found -> found.referenceHash = hashes.get(0));
        return client;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Client get(UUID clientId) {
        Client client = Client.<Client>findByIdOptional(clientId).filter(c -> c.erasedAt == null)
                .orElseThrow(() -> new NotFound("Client " + clientId));
        user.requireVisible(client.municipalityCode, "Client", clientId);
        return client;
    }
}
