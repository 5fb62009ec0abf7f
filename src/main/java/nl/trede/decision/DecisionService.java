package nl.trede.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.trede.api.Conflict;
import nl.trede.api.InvalidInputException;
import nl.trede.api.NotFound;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.audit.AuditTrail.Action;
import nl.trede.audit.AuditTrail.Detail;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.recommend.OverrideRule;
import nl.trede.draw.Draw;
import nl.trede.draw.DrawService;
import nl.trede.intake.Intake;
import nl.trede.intake.IntakeService;
import nl.trede.models.ActiveModels;
import nl.trede.persistence.JsonText;
import nl.trede.recommendation.Recommendation;
import nl.trede.recommendation.RecommendationService;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;

/**
 * Records decisions on the advice that was shown, judged by {@link OverrideRule}. A decision is
 * never compared with advice nobody saw: without advice shown for the intake it is refused (409).
 */
@ApplicationScoped
public class DecisionService {

    private static final String NO_ADVICE_SHOWN = "No advice was shown for this intake; GET its recommendations first, "
            + "so that the decision is compared with what the klantmanager saw";

    private final IntakeService intakes;
    private final RecommendationService recommendations;
    private final DrawService draws;
    private final ActiveModels models;
    private final AuditTrail audit;
    private final CurrentUser user;

    public DecisionService(IntakeService intakes, RecommendationService recommendations, DrawService draws, ActiveModels models,
                           AuditTrail audit, CurrentUser user) {
        this.intakes = intakes;
        this.recommendations = recommendations;
        this.draws = draws;
        this.models = models;
        this.audit = audit;
        this.user = user;
    }

    @Transactional
    public Decision decide(UUID intakeId, DecisionRequest request) {
        Intake intake = intakes.get(intakeId);
        List<InvalidParam> invalid = new ArrayList<>();
        checkInterventions(models.current().catalogue(), request.interventionCodes(), intake.profile(), invalid);
        Optional<Draw> draw = draws.namedFor(intake.id, request.drawId(), invalid);
        // After a draw the decision is on the advice drawn from.
        UUID adviceId = request.recommendationId() != null ? request.recommendationId() : draw.map(d -> d.recommendationId).orElse(null);
        if (draw.isPresent() && !draw.get().recommendationId.equals(adviceId)) {
            invalid.add(new InvalidParam("drawId", ProblemCode.UNKNOWN_REFERENCE, "was drawn from another advice than recommendationId"));
        }
        Optional<Recommendation> decidedOn = recommendations.shownFor(intake, adviceId, invalid);
        String drawn = draw.map(d -> d.drawnCode).orElse(null);
        OverrideRule.Verdict verdict = decidedOn.map(r -> drawn == null
                ? OverrideRule.judge(r.topInterventionCode, r.tiedWithTop(), intake.category, request.interventionCodes(),
                        request.adjustedCategory(), request.reasonCode() != null)
                : OverrideRule.judgeAfterDraw(drawn, intake.category, request.interventionCodes(), request.adjustedCategory(),
                        request.reasonCode() != null)).orElse(null);
        if (verdict != null && verdict.reasonMissing()) {
            invalid.add(new InvalidParam("reasonCode", ProblemCode.REQUIRED, drawn != null
                    ? "is required when the decision deviates from the draw or the score's category"
                    : "is required when the decision deviates from the top recommendation or the score's category"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        Recommendation advice = decidedOn.orElseThrow(() -> new Conflict(NO_ADVICE_SHOWN));

        Decision decision = new Decision();
        decision.newFactAbout(intake.clientId, intake.municipalityCode);
        decision.intakeId = intake.id;
        decision.recommendationId = advice.id;
        decision.interventionCodes = JsonText.write(request.interventionCodes());
        decision.klantmanagerId = request.klantmanagerId();
        decision.recordedBy = user.id();
        // A case system records for its klantmanagers; a klantmanager's token says who they are.
        decision.klantmanagerIdIsNotCaller = !user.hasRole(Roles.CASE_SYSTEM) && !request.klantmanagerId().equals(user.id());
        decision.recommendedCode = advice.topInterventionCode;
        decision.scoreCategory = intake.category;
        decision.adjustedCategory = request.adjustedCategory();
        decision.override = verdict.override();
        decision.reasonCode = request.reasonCode();
        decision.note = request.note();
        decision.modelVersion = intake.modelVersion;
        decision.effectModelVersion = advice.effectModelVersion;
        decision.catalogueVersion = advice.catalogueVersion;
        decision.drawId = draw.map(d -> d.id).orElse(null);
        decision.persist();
        audit.record(decision.override ? Action.OVERRIDE : Action.DECIDE, "decision", decision.id, decision.municipalityCode,
                decision.modelVersion, decision.klantmanagerIdIsNotCaller ? Detail.KLANTMANAGER_ID_IS_NOT_CALLER : null);
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

    private static void checkInterventions(Catalogue catalogue, List<String> codes, IntakeProfile profile,
                                           List<InvalidParam> invalid) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "interventionCodes[" + i + "]";
            String code = codes.get(i);
            Optional<Intervention> intervention = catalogue.find(code);
            if (intervention.isEmpty()) {
                invalid.add(new InvalidParam(field, ProblemCode.INVALID_VALUE, "unknown intervention code; see GET /api/v1/interventions"));
            } else if (!seen.add(code)) {
                invalid.add(new InvalidParam(field, ProblemCode.DUPLICATE, "is listed twice"));
            } else if (intervention.get().isNone() && codes.size() > 1) {
                invalid.add(new InvalidParam(field, ProblemCode.NOT_COMBINABLE, "NONE cannot be combined with other interventions"));
            } else {
                intervention.get().eligibility().exclusion(profile)
                        .ifPresent(reason -> invalid.add(new InvalidParam(field, ProblemCode.NOT_ELIGIBLE, reason.english())));
            }
        }
    }
}
