package nl.trede.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import nl.trede.allocation.AllocationProposal;
import nl.trede.client.Client;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.decision.Decision;
import nl.trede.fairness.FairnessAttributes;
import nl.trede.idempotency.IdempotencyStore;
import nl.trede.intake.Intake;
import nl.trede.recommendation.Recommendation;
import nl.trede.shadow.ShadowScore;

/**
 * Erases a client's personal data: the reference hash (so the client cannot be found again), every
 * intake profile and the factors derived from it, the advice texts (a shadow version's too), the effects of allocation proposals, the klantmanager's notes, any
 * protected attributes recorded for fairness monitoring and the answers kept for retries
 * (idempotency keys).
 * What remains are codes, categories, dates and model versions under an id that no longer leads
 * to a person — enough for aggregate monitoring, not for identifying anyone.
 */
@ApplicationScoped
public class ErasureService {

    private static final String NO_FACTORS = "[]";

    private final IdempotencyStore idempotency;

    public ErasureService(IdempotencyStore idempotency) {
        this.idempotency = idempotency;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Client client) {
        client.referenceHash = "erased-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        client.erasedAt = Instant.now();
        for (Intake intake : Intake.ofClient(client.id)) {
            intake.setProfile(IntakeProfile.empty());
            intake.factors = NO_FACTORS;
            intake.missingFields = NO_FACTORS;
            intake.erased = true;
        }
        Recommendation.eraseOfClient(client.id);
        ShadowScore.eraseOfClient(client.id);
        AllocationProposal.eraseOfClient(client.id);
        Decision.update("note = null where clientId = ?1", client.id);
        FairnessAttributes.eraseOfClient(client.id);
        idempotency.forgetClient(client.id);
    }
}
