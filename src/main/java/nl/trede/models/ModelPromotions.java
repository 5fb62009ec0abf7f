package nl.trede.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.trede.api.NotFound;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.security.CurrentUser;

/**
 * Moves the registry's pointer: promotion (proposed by a data scientist on an evaluation report,
 * approved by an admin who is someone else), rollback and shadowing. Each move is one transaction
 * that takes the pointer row's lock, checks the move against what the pointer says now, moves it,
 * appends the event and writes the audit entry: two moves at once, on any instances, are carried out
 * one after the other, and a move that no longer fits what the first did is refused (409) instead
 * of winning too.
 */
@ApplicationScoped
public class ModelPromotions {

    private static final String EVENT = ModelEvent.class.getSimpleName();
    private static final String PROMOTION = Promotion.class.getSimpleName();

    private final ModelRegistry registry;
    private final AuditTrail audit;
    private final CurrentUser user;

    public ModelPromotions(ModelRegistry registry, AuditTrail audit, CurrentUser user) {
        this.registry = registry;
        this.audit = audit;
        this.user = user;
    }

    /** A data scientist proposes a version with an evaluation report for promotion. */
    @Transactional
    public Promotion propose(long version, String reason) {
        ModelVersionRow candidate = existing(version);
        ModelPointerRow pointer = ModelPointerRow.locked();
        if (candidate.reportSha256 == null) {
            throw new RegistryRefusal(409, ProblemCode.REPORT_REQUIRED, "Model version " + version
                    + " has no evaluation report: a promotion rests on one (a training run makes it)");
        }
        if (pointer.activeVersion == version) {
            throw new RegistryRefusal(409, ProblemCode.INVALID_TRANSITION, "Model version " + version + " is already active");
        }
        PromotionRow row = new PromotionRow();
        row.id = UUID.randomUUID();
        row.version = version;
        row.fromVersion = pointer.activeVersion;
        row.reportSha256 = candidate.reportSha256;
        row.proposedBy = user.id();
        row.proposedAt = ModelRegistry.now();
        row.reason = reason;
        row.state = Promotion.State.PROPOSED;
        row.persist();
        audit.recordForEachMunicipalityOfCaller(AuditTrail.Action.PROPOSE, PROMOTION, row.id, Long.toString(version));
        return row.view();
    }

    /**
     * An admin approves a proposal: the proposed version becomes active (and stops shadowing, if it
     * did), the previously active one is retired. Refused when the admin proposed it (four eyes), when
     * it was decided already, or when another version became active after it was proposed (its report
     * compared it with a version that no longer serves).
     */
    @Transactional
    public Promotion approve(UUID id, String reason) {
        ModelPointerRow pointer = ModelPointerRow.locked();
        PromotionRow promotion = undecided(id);
        if (promotion.proposedBy.equals(user.id())) {
            throw new RegistryRefusal(403, ProblemCode.SAME_PERSON, "You proposed this promotion; four eyes: another admin"
                    + " approves it");
        }
        if (pointer.activeVersion != promotion.fromVersion) {
            throw new RegistryRefusal(409, ProblemCode.STALE_PROPOSAL, "Model version " + pointer.activeVersion
                    + " became active after this promotion was proposed against version " + promotion.fromVersion
                    + ": evaluate against the active version and propose again");
        }
        Instant now = ModelRegistry.now();
        decide(promotion, Promotion.State.APPROVED, reason, now);
        ModelEventRow event = move(pointer, promotion.version, ModelEvent.Kind.PROMOTED, promotion.proposedBy,
                reason, promotion.reportSha256, promotion.id, now);
        audit.recordForEachMunicipalityOfCaller(AuditTrail.Action.PROMOTE, EVENT, event.id, Long.toString(promotion.version));
        return promotion.view();
    }

    /** An admin rejects a proposal; nothing moves. */
    @Transactional
    public Promotion reject(UUID id, String reason) {
        ModelPointerRow.locked();
        PromotionRow promotion = undecided(id);
        decide(promotion, Promotion.State.REJECTED, reason, ModelRegistry.now());
        audit.recordForEachMunicipalityOfCaller(AuditTrail.Action.REJECT, PROMOTION, promotion.id,
                Long.toString(promotion.version));
        return promotion.view();
    }

    /**
     * An admin puts back a version that was active before: by default the one the active version
     * replaced. The emergency brake needs no second person (the version it restores was approved
     * when it was promoted) but a reason, and it is on the history and the audit trail like any move.
     */
    @Transactional
    public ModelEvent rollBack(Long target, String reason) {
        ModelPointerRow pointer = ModelPointerRow.locked();
        long to;
        if (target == null) {
            to = ModelEventRow.<ModelEventRow>find("kind in ?1 and toVersion = ?2 order by seq desc", ModelEvent.Kind.ACTIVATING,
                            pointer.activeVersion).firstResultOptional().map(e -> e.fromVersion)
                    .orElseThrow(() -> new RegistryRefusal(409, ProblemCode.INVALID_TRANSITION, "Model version "
                            + pointer.activeVersion + " is the first active version: there is nothing to roll back to"));
        } else {
            to = target;
            existing(to);
            if (to == pointer.activeVersion) {
                throw new RegistryRefusal(409, ProblemCode.INVALID_TRANSITION, "Model version " + to + " is already active");
            }
            if (ModelEventRow.count("kind in ?1 and toVersion = ?2", ModelEvent.Kind.ACTIVATING, to) == 0) {
                throw new RegistryRefusal(409, ProblemCode.INVALID_TRANSITION, "Model version " + to
                        + " was never active: a rollback restores a version that was; promote a new one instead");
            }
        }
        ModelEventRow event = move(pointer, to, ModelEvent.Kind.ROLLED_BACK, null, reason, null, null, ModelRegistry.now());
        audit.recordForEachMunicipalityOfCaller(AuditTrail.Action.ROLLBACK, EVENT, event.id, Long.toString(to));
        return event.view();
    }

    /** A data scientist lets a version shadow the active one (null: no shadow). */
    @Transactional
    public ModelEvent shadow(Long version, String reason) {
        ModelPointerRow pointer = ModelPointerRow.locked();
        if (version != null) {
            existing(version);
            if (version == pointer.activeVersion) {
                throw new RegistryRefusal(409, ProblemCode.INVALID_TRANSITION, "Model version " + version
                        + " is active: it cannot shadow itself");
            }
        } else if (pointer.shadowVersion == null) {
            throw new RegistryRefusal(409, ProblemCode.INVALID_TRANSITION, "No version is shadowing");
        }
        Long from = pointer.shadowVersion;
        pointer.shadowVersion = version;
        pointer.changedAt = ModelRegistry.now();
        ModelEventRow event = registry.appendEvent(version == null ? ModelEvent.Kind.SHADOW_STOPPED : ModelEvent.Kind.SHADOW_STARTED,
                from, version, user.id(), null, reason, null, null, pointer.changedAt);
        audit.recordForEachMunicipalityOfCaller(AuditTrail.Action.SHADOW, EVENT, event.id,
                version == null ? null : Long.toString(version));
        return event.view();
    }

    @Transactional
    public Promotion promotion(UUID id) {
        return PromotionRow.<PromotionRow>findByIdOptional(id).map(PromotionRow::view)
                .orElseThrow(() -> new NotFound("Promotion " + id));
    }

    /** Every proposal, newest first. */
    @Transactional
    public List<Promotion> promotions() {
        return PromotionRow.<PromotionRow>list("order by proposedAt desc").stream().map(PromotionRow::view).toList();
    }

    /** Moves the active pointer to {@code to}; a version that shadowed stops shadowing when it becomes active. */
    private ModelEventRow move(ModelPointerRow pointer, long to, ModelEvent.Kind kind, String proposedBy, String reason,
                               String reportSha256, UUID promotionId, Instant now) {
        Long from = pointer.activeVersion;
        pointer.activeVersion = to;
        if (pointer.shadowVersion != null && pointer.shadowVersion == to) {
            pointer.shadowVersion = null;
        }
        pointer.changedAt = now;
        return registry.appendEvent(kind, from, to, user.id(), proposedBy, reason, reportSha256, promotionId, now);
    }

    private void decide(PromotionRow promotion, Promotion.State state, String reason, Instant now) {
        promotion.state = state;
        promotion.decidedBy = user.id();
        promotion.decidedAt = now;
        promotion.decisionReason = reason;
    }

    private PromotionRow undecided(UUID id) {
        PromotionRow promotion = PromotionRow.findById(id);
        if (promotion == null) {
            throw new NotFound("Promotion " + id);
        }
        if (promotion.state != Promotion.State.PROPOSED) {
            throw new RegistryRefusal(409, ProblemCode.ALREADY_DECIDED, "This promotion was " + promotion.state.name().toLowerCase()
                    + " by " + promotion.decidedBy + " at " + promotion.decidedAt);
        }
        return promotion;
    }

    private static ModelVersionRow existing(long version) {
        return ModelVersionRow.<ModelVersionRow>findByIdOptional(version)
                .orElseThrow(() -> new NotFound("Model version " + version));
    }
}
