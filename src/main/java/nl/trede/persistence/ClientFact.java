package nl.trede.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * What every fact about a client carries: its own id, the client, the municipality (tenant) and
 * when it was recorded. Facts are inserted once and never updated (erasure excepted).
 */
@MappedSuperclass
public abstract class ClientFact extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id", nullable = false)
    public UUID clientId;
    @Column(name = "municipality_code", nullable = false, length = 6)
    public String municipalityCode;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Gives a new fact its id and time, for the given client in the given municipality. */
    public void newFactAbout(UUID client, String municipality) {
        id = UUID.randomUUID();
        clientId = client;
        municipalityCode = municipality;
        createdAt = Instant.now();
    }
}
