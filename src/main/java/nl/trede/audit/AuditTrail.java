package nl.trede.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.security.CurrentUser;

/**
 * Records every read of client data and every write in the same transaction as the act itself:
 * if the act is rolled back, so is its entry, and no act commits without one.
 */
@ApplicationScoped
public class AuditTrail {

    private final CurrentUser user;

    public AuditTrail(CurrentUser user) {
        this.user = user;
    }

    /** What was done or seen. */
    public enum Action { READ, SEARCH, CREATE, DECIDE, OVERRIDE, ERASE, VERIFY }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String resourceType, UUID resourceId, String municipalityCode, String modelVersion) {
        recordAs(user.id(), user.roles(), action, resourceType, resourceId, municipalityCode, modelVersion);
    }

    /** Of the given resources, the one an entry was recorded for last (in chain order), if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> lastRecorded(String resourceType, List<UUID> resourceIds) {
        if (resourceIds.isEmpty()) {
            return Optional.empty();
        }
        return AuditEntry.<AuditEntry>find("resourceType = ?1 and resourceId in ?2 order by seq desc", resourceType,
                resourceIds.stream().map(UUID::toString).toList()).firstResultOptional().map(e -> UUID.fromString(e.resourceId));
    }

    /** For acts of the system itself, such as the retention job, which has no caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actor, String roles, Action action, String resourceType, UUID resourceId,
                         String municipalityCode, String modelVersion) {
        AuditHead head = AuditHead.findById(1, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry();
        entry.seq = head.lastSeq + 1;
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.roles = roles;
        entry.municipalityCode = municipalityCode;
        entry.action = action.name();
        entry.resourceType = resourceType;
        entry.resourceId = resourceId == null ? null : resourceId.toString();
        entry.modelVersion = modelVersion;
        entry.previousHash = head.lastHash;
        entry.entryHash = entry.computeHash();
        entry.persist();
        head.lastSeq = entry.seq;
        head.lastHash = entry.entryHash;
    }
}
