package nl.trede.models;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one row that says which version is active and which shadows it. Every change takes it with a
 * row lock first, so two promotions at once (on one instance or on several) are carried out one after
 * the other, and the second sees what the first did.
 */
@Entity
@Table(name = "model_pointer")
class ModelPointerRow extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    public int id;
    @Column(name = "active_version")
    public Long activeVersion;
    @Column(name = "shadow_version")
    public Long shadowVersion;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** The row, locked until the transaction ends. */
    static ModelPointerRow locked() {
        return findById(ID, LockModeType.PESSIMISTIC_WRITE);
    }
}
