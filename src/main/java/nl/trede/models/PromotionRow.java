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

/** A proposal to make a version active, and how it was decided. */
@Entity
@Table(name = "model_promotion")
class PromotionRow extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public long version;
    @Column(name = "from_version", nullable = false)
    public long fromVersion;
    @Column(name = "report_sha256", nullable = false, length = 64)
    public String reportSha256;
    @Column(name = "proposed_by", nullable = false, length = 1000)
    public String proposedBy;
    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
    @Column(nullable = false, length = 2000)
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Promotion.State state;
    @Column(name = "decided_by", length = 1000)
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason", length = 2000)
    public String decisionReason;

    Promotion view() {
        return new Promotion(id, version, fromVersion, reportSha256, proposedBy, proposedAt, reason, state, decidedBy, decidedAt,
                decisionReason);
    }
}
