package nl.trede.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A client as Trede knows them: an opaque id, the municipality, and a keyed hash of the case
 * system's reference. The reference itself (possibly a BSN) is never stored.
 */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "municipality_code", nullable = false, length = 6)
    public String municipalityCode;

    @Column(name = "reference_hash", nullable = false, length = 64)
    public String referenceHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set when the client's personal data were erased; such a client is no longer found. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    static Optional<Client> findByReference(String municipalityCode, String referenceHash) {
        return find("municipalityCode = ?1 and referenceHash = ?2", municipalityCode, referenceHash).firstResultOptional();
    }
}
