package nl.trede.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
import nl.trede.api.NotFound;
import nl.trede.audit.AuditTrail;
import nl.trede.audit.AuditTrail.Action;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.intake.Intake;
import nl.trede.intake.IntakeService;
import nl.trede.models.ActiveModels;
import nl.trede.persistence.JsonText;
import nl.trede.recommendation.Recommendation;
import nl.trede.recommendation.RecommendationService;
import nl.trede.recommendation.RecommendationView;

/**
 * Records decisions and decides whether they override the advice.
 *
 * <p>A decision is an override when the chosen set is not exactly the top recommendation — except
 * a single choice that is statistically tied with the top, which follows the advice — or when the
 * klantmanager adjusts the score's category. An override needs a reason code.
 */
@ApplicationScoped
public class DecisionService {

    private final IntakeService intakes;
    private final RecommendationService recommendations;
    private final ActiveModels models;
    private final AuditTrail audit;

    public DecisionService(IntakeService intakes, RecommendationService recommendations, ActiveModels models,
                           AuditTrail audit) {
        this.intakes = intakes;
        this.recommendations = recommendations;
        this.models = models;
        this.audit = audit;
    }

    @Transactional
    public Decision decide(UUID intakeId, DecisionRequest request) {
        Intake intake = intakes.get(intakeId);
        List<InvalidParam> invalid = new ArrayList<>();
        checkInterventions(request.interventionCodes(), intake.profile(), invalid);
        RecommendationView advice = adviceDecidedOn(intake, request.recommendationId(), invalid);
        boolean override = advice != null && isOverride(request, advice, intake.category);
        if (override && request.reasonCode() == null) {
            invalid.add(new InvalidParam("reasonCode",
                    "is required when the decision deviates from the top recommendation or the score's category"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }

        Decision decision = new Decision();
        decision.newFactAbout(intake.clientId, intake.municipalityCode);
        decision.intakeId = intake.id;
        decision.recommendationId = advice.id();
        decision.interventionCodes = JsonText.write(request.interventionCodes());
        decision.klantmanagerId = request.klantmanagerId();
        decision.recommendedCode = advice.top().interventionCode();
        decision.scoreCategory = intake.category;
        decision.adjustedCategory = request.adjustedCategory();
        decision.override = override;
        decision.reasonCode = request.reasonCode();
        decision.note = request.note();
        decision.modelVersion = intake.modelVersion;
        decision.effectModelVersion = advice.effectModelVersion();
        decision.persist();
        audit.record(override ? Action.OVERRIDE : Action.DECIDE, "decision", decision.id, decision.municipalityCode,
                decision.modelVersion);
        return decision;
    }

    @Transactional
    public Decision read(UUID intakeId, UUID decisionId) {
        intakes.get(intakeId);
        Decision decision = Decision.<Decision>findByIdOptional(decisionId)
                .filter(d -> d.intakeId.equals(intakeId))
                .orElseThrow(() -> new NotFound("Decision " + decisionId));
        audit.record(Action.READ, "decision", decision.id, decision.municipalityCode, decision.modelVersion);
        return decision;
    }

    private void checkInterventions(List<String> codes, IntakeProfile profile, List<InvalidParam> invalid) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "interventionCodes[" + i + "]";
            String code = codes.get(i);
            Optional<Intervention> intervention = models.catalogue().find(code);
            if (intervention.isEmpty()) {
                invalid.add(new InvalidParam(field, "unknown intervention code; see GET /api/v1/interventions"));
            } else if (!seen.add(code)) {
                invalid.add(new InvalidParam(field, "is listed twice"));
            } else if (intervention.get().isNone() && codes.size() > 1) {
                invalid.add(new InvalidParam(field, "NONE cannot be combined with other interventions"));
            } else {
                intervention.get().eligibility().exclusionReason(profile)
                        .ifPresent(reason -> invalid.add(new InvalidParam(field, reason)));
            }
        }
    }

    private RecommendationView adviceDecidedOn(Intake intake, UUID recommendationId, List<InvalidParam> invalid) {
        if (recommendationId == null) {
            return recommendations.latestOrNew(intake);
        }
        Optional<Recommendation> advice = Recommendation.<Recommendation>findByIdOptional(recommendationId)
                .filter(r -> r.intakeId.equals(intake.id));
        if (advice.isEmpty()) {
            invalid.add(new InvalidParam("recommendationId", "is not advice given for this intake"));
            return null;
        }
        return RecommendationService.view(advice.get());
    }

    static boolean isOverride(DecisionRequest request, RecommendationView advice, int scoreCategory) {
        boolean categoryAdjusted = request.adjustedCategory() != null && request.adjustedCategory() != scoreCategory;
        RecommendationView.Item top = advice.top();
        List<String> chosen = request.interventionCodes();
        boolean followsAdvice = chosen.size() == 1
                && (chosen.get(0).equals(top.interventionCode()) || top.tiedWith().contains(chosen.get(0)));
        return categoryAdjusted || !followsAdvice;
    }
}
