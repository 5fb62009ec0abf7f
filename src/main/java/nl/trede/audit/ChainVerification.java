package nl.trede.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of walking the audit chain from its start. */
@Schema(name = "AuditChainVerification")
public record ChainVerification(
        @Schema(description = "True when every entry's hash matches its content and its predecessor") boolean intact,
        @Schema(description = "Number of entries checked") long entriesChecked,
        @Schema(description = "Sequence number of the first entry that does not match, if any", nullable = true) Long firstBrokenSeq,
        @Schema(description = "Why that entry does not match", nullable = true) String reason) {
}
