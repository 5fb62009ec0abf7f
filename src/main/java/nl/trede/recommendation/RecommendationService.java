package nl.trede.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.trede.audit.AuditTrail;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.recommend.Advice;
import nl.trede.core.recommend.RankedIntervention;
import nl.trede.core.recommend.Recommender;
import nl.trede.intake.Intake;
import nl.trede.models.ActiveModels;
import nl.trede.persistence.JsonText;

/** Produces advice for an intake and records it as shown. */
@ApplicationScoped
public class RecommendationService {

    public static final int DEFAULT_HORIZON_MONTHS = 12;

    private final ActiveModels models;
    private final AuditTrail audit;
    private final Recommender recommender = new Recommender();

    public RecommendationService(ActiveModels models, AuditTrail audit) {
        this.models = models;
        this.audit = audit;
    }

    @Transactional
    public RecommendationView recommend(Intake intake, int horizonMonths) {
        Advice advice = recommender.recommend(intake.profile(), models.catalogue(), models.effects(), horizonMonths);
        Recommendation record = new Recommendation();
        record.newFactAbout(intake.clientId, intake.municipalityCode);
        record.intakeId = intake.id;
        record.horizonMonths = horizonMonths;
        record.modelVersion = intake.modelVersion;
        record.effectModelVersion = models.effects().version();
        record.topInterventionCode = advice.top().intervention().code();
        RecommendationView view = toView(record, advice);
        record.body = JsonText.write(view);
        record.persist();
        audit.record(AuditTrail.Action.CREATE, "recommendation", record.id, record.municipalityCode, record.effectModelVersion);
        return view;
    }

    /** The advice the klantmanager last saw for this intake, or fresh advice at the default horizon. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecommendationView latestOrNew(Intake intake) {
        return Recommendation.latestFor(intake.id)
                .map(RecommendationService::view)
                .orElseGet(() -> recommend(intake, DEFAULT_HORIZON_MONTHS));
    }

    public static RecommendationView view(Recommendation record) {
        return JsonText.read(record.body, new com.fasterxml.jackson.core.type.TypeReference<>() { });
    }

    private static RecommendationView toView(Recommendation record, Advice advice) {
        List<RecommendationView.Item> items = new ArrayList<>();
        for (RankedIntervention ranked : advice.ranked()) {
            Intervention i = ranked.intervention();
            EffectEstimate e = ranked.effect();
            RecommendationView.ExpectedEffect expected = e.comparableHistory()
                    ? new RecommendationView.ExpectedEffect(round(e.pointEstimate()), round(e.lower()), round(e.upper()), e.horizonMonths())
                    : null;
            items.add(new RecommendationView.Item(items.size() + 1, i.code(), i.dutchName(), expected, e.comparableHistory(),
                    e.source(), round(e.priorShare()), i.costEuros(), i.durationMonths(), i.evidenceLevel().name(),
                    e.comparableHistory() || e.rationale().startsWith("Not enough comparable history") ? e.rationale()
                            : "Not enough comparable history: no comparable clients received this intervention",
                    ranked.tiedWith()));
        }
        List<RecommendationView.NotEligible> notEligible = advice.notEligible().stream()
                .map(x -> new RecommendationView.NotEligible(x.intervention().code(), x.intervention().dutchName(), x.reason()))
                .toList();
        return new RecommendationView(record.id, record.intakeId, record.clientId, record.municipalityCode, record.createdAt,
                record.horizonMonths, record.modelVersion, record.effectModelVersion, items, notEligible);
    }

    /** Two decimals: more would suggest a precision the estimates do not have. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
