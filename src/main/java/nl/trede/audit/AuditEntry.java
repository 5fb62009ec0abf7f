package nl.trede.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.trede.core.digest.Sha256;

/** One link of the audit chain; never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public long seq;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    /** The token's subject (an account id, never a name), as long as any valid token carries. */
    @Column(nullable = false, length = 1000)
    public String actor;
    @Column(nullable = false, length = 200)
    public String roles;
    @Column(name = "municipality_code", length = 6)
    public String municipalityCode;
    @Column(nullable = false, length = 40)
    public String action;
    @Column(name = "resource_type", nullable = false, length = 40)
    public String resourceType;
    @Column(name = "resource_id", length = 64)
    public String resourceId;
    @Column(name = "model_version", length = 100)
    public String modelVersion;
    /** Why an attempt was refused, or what is remarkable about an act (a {@link AuditTrail.Detail}); usually null. */
    @Column(length = 60)
    public String detail;
    @Column(name = "previous_hash", nullable = false, length = 64)
    public String previousHash;
    @Column(name = "entry_hash", nullable = false, length = 64)
    public String entryHash;

    /**
     * SHA-256 over the previous hash and every field, in a fixed order with unambiguous separators.
     * The detail joins the canonical form only when present, so entries written before it existed
     * keep their hashes.
     */
    public String computeHash() {
        String canonical = String.join("\u001f", previousHash, Long.toString(seq),
                occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), actor, roles,
                Objects.toString(municipalityCode, ""), action, resourceType,
                Objects.toString(resourceId, ""), Objects.toString(modelVersion, ""))
                + (detail == null ? "" : "\u001f" + detail);
        return Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
