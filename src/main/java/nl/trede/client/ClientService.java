package nl.trede.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.trede.api.NotFound;

/** Finds or registers clients by their case-system reference, never keeping the reference. */
@ApplicationScoped
public class ClientService {

    private final ClientReferenceHasher hasher;

    public ClientService(ClientReferenceHasher hasher) {
        this.hasher = hasher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Client findOrRegister(String municipalityCode, String clientReference) {
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
        return Client.findByReference(municipalityCode, hasher.hash(municipalityCode, clientReference));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Client get(UUID clientId) {
        return Client.<Client>findByIdOptional(clientId).orElseThrow(() -> new NotFound("Client " + clientId));
    }
}
