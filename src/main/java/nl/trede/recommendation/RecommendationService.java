package nl.trede.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.allocation.ProposalAtPlaces;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.recommend.Recommender;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.intake.Intake;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelSet;

/**
 * Produces advice for an intake and records it as shown: once per intake, horizon and versions
 * (distance model, effect model, catalogue), however often it is read; every read is audited.
 */
@ApplicationScoped
public class RecommendationService {

    static final String RESOURCE = "recommendation";

    private final ActiveModels models;
    private final AuditTrail audit;
    private final Recommender recommender = new Recommender();

    public RecommendationService(ActiveModels models, AuditTrail audit) {
        this.models = models;
        this.audit = audit;
    }

    /**
     * The advice for an intake at a horizon, recorded the first time it is shown and read back after.
     *
     * <p>Two first reads at once: the second waits for the first on a lock of the intake row, then
     * finds the first one's record. The unique constraint on the record's key is the backstop. (A
     * failed insert is not retried instead: on PostgreSQL it aborts the whole transaction.)
     */
    @Transactional
    public RecommendationView recommend(Intake intake, int horizonMonths) {
        // One snapshot for the whole request; the distance version is the intake's, whose score is the baseline.
        ModelSet set = models.current();
        ShownAdvice.Versions versions = new ShownAdvice.Versions(intake.modelVersion, set.effects().version(),
                set.catalogue().version());
        Optional<Recommendation> shown = Recommendation.shown(intake.id, horizonMonths, versions);
        if (shown.isEmpty()) {
            Intake.findById(intake.id, LockModeType.PESSIMISTIC_WRITE);
            shown = Recommendation.shown(intake.id, horizonMonths, versions);
        }
        if (shown.isPresent()) {
            Recommendation record = shown.get();
            audit.record(AuditTrail.Action.READ, RESOURCE, record.id, record.municipalityCode, record.effectModelVersion);
            return RecommendationView.of(record, ProposalAtPlaces.latestFor(intake.id).orElse(null));
        }
        // The score the klantmanager sees is the baseline the effects are computed from: one voice.
        ShownAdvice advice = advise(intake.profile(), intake.probability, set, versions, horizonMonths);
        Recommendation record = Recommendation.of(intake.id, intake.clientId, intake.municipalityCode, advice);
        record.persist();
        audit.record(AuditTrail.Action.CREATE, RESOURCE, record.id, record.municipalityCode, record.effectModelVersion);
        return RecommendationView.of(record, ProposalAtPlaces.latestFor(intake.id).orElse(null));
    }

    /**
     * The advice for a profile from one model set, as it is shown: what is recorded for an intake and
     * what a what-if ({@code POST /advice}) answers, computed by the same code from the same snapshot.
     */
    public ShownAdvice advise(IntakeProfile profile, double baselineChance, ModelSet set, ShownAdvice.Versions versions,
                              int horizonMonths) {
        return ShownAdvice.of(recommender.recommend(profile, baselineChance, set.catalogue(), set.effects(), horizonMonths),
                versions);
    }

    /** The advice last shown for this intake (at any horizon), if any was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Recommendation> lastShown(UUID intakeId) {
        return Recommendation.lastShown(intakeId);
    }

    /**
     * The advice a request on an intake refers to: the one named in {@code recommendationId}, which must
     * have been given for this intake (else a problem is added to {@code invalid}), or else the advice
     * last shown for the intake; empty when there is none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Recommendation> shownFor(Intake intake, UUID recommendationId, List<InvalidParam> invalid) {
        if (recommendationId == null) {
            return lastShown(intake.id);
        }
        Optional<Recommendation> advice = Recommendation.<Recommendation>findByIdOptional(recommendationId)
                .filter(r -> r.intakeId.equals(intake.id));
        if (advice.isEmpty()) {
            invalid.add(new InvalidParam("recommendationId", ProblemCode.UNKNOWN_REFERENCE, "is not advice given for this intake"));
        }
        return advice;
    }
}
