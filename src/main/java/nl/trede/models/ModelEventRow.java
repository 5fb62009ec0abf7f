package nl.trede.models;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of the pointer; appended, never updated. */
@Entity
@Table(name = "model_event")
class ModelEventRow extends PanacheEntityBase {

    @Id
    public long seq;
    @Column(nullable = false, unique = true)
    public UUID id;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ModelEvent.Kind kind;
    @Column(name = "from_version")
    public Long fromVersion;
    @Column(name = "to_version")
    public Long toVersion;
    @Column(nullable = false, length = 1000)
    public String actor;
    @Column(name = "proposed_by", length = 1000)
    public String proposedBy;
    @Column(nullable = false, length = 2000)
    public String reason;
    @Column(name = "report_sha256", length = 64)
    public String reportSha256;
    @Column(name = "promotion_id")
    public UUID promotionId;

    ModelEvent view() {
        return new ModelEvent(seq, id, occurredAt, kind, fromVersion, toVersion, actor, proposedBy, reason, reportSha256, promotionId);
    }
}
