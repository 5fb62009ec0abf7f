package nl.trede.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry")
public record AuditEntryView(
        @Schema(description = "The trail's number of the entry, in the order entries were written") long seq,
        @Schema(description = "The hash chain the entry belongs to (the trail is several, written side by side)") int chain,
        @Schema(description = "The entry's place in its chain: 1, 2, … without gaps") long chainSeq,
        Instant occurredAt, String actor, String roles, String municipalityCode,
        String action, String resourceType, String resourceId, String modelVersion,
        @Schema(description = "Why an attempt was refused, or what is remarkable about the act", nullable = true)
        String detail,
        @Schema(description = "Hash of the previous entry in the same chain") String previousHash,
        String entryHash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq, e.chain, e.chainSeq, e.occurredAt, e.actor, e.roles, e.municipalityCode, e.action,
                e.resourceType, e.resourceId, e.modelVersion, e.detail, e.previousHash, e.entryHash);
    }
}
