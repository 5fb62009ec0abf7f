package nl.trede.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
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

    /**
     * The one column of a client that changes (facts are otherwise append-only): re-keyed when the
     * client is found under a previous key of the reference hash, replaced when the data are erased.
     */
    @Column(name = "reference_hash", nullable = false, length = 64)
    public String referenceHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set when the client's personal data were erased; such a client is no longer found. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /**
     * The client stored under one of these hashes, preferring the earliest in the list. One equality
     * query per hash, in order, rather than one {@code in} query: Hibernate cannot cache the SQL of a
     * query with a list parameter and translated it again on every intake (11 % of an intake's CPU in
     * JFR); and with a single key, as outside a key rotation, one query suffices.
     */
    static Optional<Client> findByReference(String municipalityCode, List<String> referenceHashes) {
        for (String hash : referenceHashes) {
            Optional<Client> found = find("municipalityCode = ?1 and referenceHash = ?2", municipalityCode, hash).singleResultOptional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
