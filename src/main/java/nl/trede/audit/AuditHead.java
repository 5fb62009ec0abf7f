package nl.trede.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain's current end; its row lock serialises appends across instances. */
@Entity
@Table(name = "audit_head")
class AuditHead extends PanacheEntityBase {

    @Id
    public int id;
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
    @Column(name = "last_hash", nullable = false, length = 64)
    public String lastHash;
}
