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

    /**
     * The id of the client with this reference, registered if new, in the caller's transaction: one
     * commit per intake, not one for the client and one for the intake (each commit waits for the
     * disk; on PostgreSQL here about 3 ms). Simultaneous first intakes of one client are normal (case
     * systems retry and run in parallel): the insert skips a row another transaction holds, waiting
     * until that one ends, and then all find the same client. The wait holds no audit chain, which a
     * transaction takes only at its first entry, after this: no deadlock. The id, not the entity: a
     * client registered here is not read back (one round trip less per new client).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID findOrRegister(String municipalityCode, String clientReference) {
        user.requireActingFor(municipalityCode);
        return find(municipalityCode, clientReference).map(client -> client.id).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            // Registered by another transaction meanwhile: found by its reference.
            return registerIfNew(id, municipalityCode, hasher.hash(municipalityCode, clientReference))
                    ? id : find(municipalityCode, clientReference).orElseThrow().id;
        });
    }

    /** Insert-or-nothing on the unique (municipality, reference hash): PostgreSQL and H2 in PostgreSQL mode. */
    private static boolean registerIfNew(UUID id, String municipalityCode, String hash) {
        return Client.getEntityManager().createNativeQuery("INSERT INTO client (id, municipality_code, reference_hash, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, id)
                .setParameter(2, municipalityCode)
                .setParameter(3, hash)
                .setParameter(4, Instant.now())
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Client> findByReference(String municipalityCode, String clientReference) {
        user.requireActingFor(municipalityCode);
        return find(municipalityCode, clientReference);
    }

    /**
     * Looks under the current key and the previous ones; a client found under a previous key is
     * re-keyed to the current key in the transaction that finds it, so a rotation completes client by
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
