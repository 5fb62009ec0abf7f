package nl.trede.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The current end of one audit chain; its row lock serialises the appends to that chain across
 * threads and instances. The rows are the chains: there is one per chain (V16 made 16).
 */
@Entity
@Table(name = "audit_head")
class AuditHead extends PanacheEntityBase {

    /** The chain that holds every entry written while there was only one. */
    static final int FIRST_CHAIN = 1;
    /** What the first entry of a chain links to. */
    static final String GENESIS = "0".repeat(64);

    @Id
    public int id;
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
    @Column(name = "last_hash", nullable = false, length = 64)
    public String lastHash;
}
