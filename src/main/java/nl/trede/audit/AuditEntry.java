package nl.trede.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.trede.core.digest.Sha256;

/** One link of one of the audit chains; never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    /**
     * The trail's global number, in the order entries were written (not part of the hash): the column's
     * default draws it from {@code audit_entry_seq} at the insert ({@link AuditTrail} appends as plain SQL).
     */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long seq;
    /** The chain this entry belongs to: the id of its {@link AuditHead}. */
    @Column(nullable = false)
    public int chain;
    /** The entry's place in its chain, from 1 without gaps. */
    @Column(name = "chain_seq", nullable = false)
    public long chainSeq;
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
     * SHA-256 over the previous hash, the entry's place in its chain and every field, in a fixed
     * order with unambiguous separators. The detail joins the canonical form only when present, and
     * the chain only when it is not the first (which held every entry before there were several),
     * so entries written before either existed keep their hashes.
     */
    public String computeHash() {
        String canonical = String.join("\u001f", previousHash, Long.toString(chainSeq),
                occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), actor, roles,
                Objects.toString(municipalityCode, ""), action, resourceType,
                Objects.toString(resourceId, ""), Objects.toString(modelVersion, ""))
                + (detail == null ? "" : "\u001f" + detail)
                + (chain == AuditHead.FIRST_CHAIN ? "" : "\u001fchain=" + chain);
        return Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
