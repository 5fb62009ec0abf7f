package nl.trede.draw;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import nl.trede.audit.AuditTrail;
import nl.trede.security.CurrentUser;

/** Keeps each municipality's switch for randomisation among tied options, every change an audited row of its own. */
@ApplicationScoped
public class TieRandomisationService {

    static final String RESOURCE = "tie-randomisation";

    private final CurrentUser user;
    private final AuditTrail audit;

    public TieRandomisationService(CurrentUser user, AuditTrail audit) {
        this.user = user;
        this.audit = audit;
    }

    @Transactional
    public TieRandomisationView set(String municipalityCode, boolean enabled) {
        user.requireActingFor(municipalityCode);
        TieRandomisationChange change = new TieRandomisationChange();
        change.id = UUID.randomUUID();
        change.municipalityCode = municipalityCode;
        change.enabled = enabled;
        // Microseconds: what both databases keep, so that "in force at" compares what was stored.
        change.changedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        change.changedBy = user.id();
        change.persist();
        audit.record(AuditTrail.Action.CREATE, RESOURCE, change.id, municipalityCode, null);
        return TieRandomisationView.of(municipalityCode, change);
    }

    @Transactional
    public TieRandomisationView inForce(String municipalityCode, Instant at) {
        user.requireActingFor(municipalityCode);
        TieRandomisationChange change = TieRandomisationChange.inForce(municipalityCode, at).orElse(null);
        audit.record(AuditTrail.Action.READ, RESOURCE, change == null ? null : change.id, municipalityCode, null);
        return TieRandomisationView.of(municipalityCode, change);
    }

    /** The change that has randomisation switched on now; empty when it is off (or was never switched on). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TieRandomisationChange> switchedOn(String municipalityCode) {
        return TieRandomisationChange.inForce(municipalityCode, Instant.now()).filter(change -> change.enabled);
    }
}
