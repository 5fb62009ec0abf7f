package nl.trede.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry")
public record AuditEntryView(long seq, Instant occurredAt, String actor, String roles, String municipalityCode,
                             String action, String resourceType, String resourceId, String modelVersion,
                             @Schema(description = "Why an attempt was refused, or what is remarkable about the act", nullable = true)
                             String detail,
                             String previousHash, String entryHash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq, e.occurredAt, e.actor, e.roles, e.municipalityCode, e.action, e.resourceType,
                e.resourceId, e.modelVersion, e.detail, e.previousHash, e.entryHash);
    }
}
