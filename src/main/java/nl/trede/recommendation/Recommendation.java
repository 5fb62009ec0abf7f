package nl.trede.recommendation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.persistence.ClientFact;

/**
 * Advice as it was shown, kept so a decision can be compared with exactly what the klantmanager saw:
 * one row per intake, horizon and versions (a unique constraint), however often it is shown.
 */
@Entity
@Table(name = "recommendation")
public class Recommendation extends ClientFact {

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;
    @Column(name = "horizon_months", nullable = false)
    public int horizonMonths;
    @Column(name = "model_version", nullable = false, length = 100)
    public String modelVersion;
    @Column(name = "effect_model_version", nullable = false, length = 100)
    public String effectModelVersion;
    /** Null on rows recorded before the catalogue had a version (and before advice was recorded once). */
    @Column(name = "catalogue_version", length = 100)
    public String catalogueVersion;
    @Column(name = "top_intervention_code", nullable = false, length = 40)
    public String topInterventionCode;
    /** The advice's ranking, effects, ties and exclusions, in {@link AdviceBody}'s stored shape. */
    @Column(nullable = false, length = 65535)
    public String body;

    static Recommendation of(UUID intakeId, UUID clientId, String municipalityCode, ShownAdvice advice) {
        Recommendation record = new Recommendation();
        record.newFactAbout(clientId, municipalityCode);
        record.intakeId = intakeId;
        record.horizonMonths = advice.horizonMonths();
        record.modelVersion = advice.versions().distanceModel();
        record.effectModelVersion = advice.versions().effectModel();
        record.catalogueVersion = advice.versions().catalogue();
        record.topInterventionCode = advice.top().code();
        record.body = AdviceBody.write(advice);
        return record;
    }

    public ShownAdvice advice() {
        return AdviceBody.read(body, horizonMonths, new ShownAdvice.Versions(modelVersion, effectModelVersion, catalogueVersion));
    }

    /** The options tied with the top, which a decision may choose instead of it without overriding the advice. */
    public List<String> tiedWithTop() {
        return AdviceBody.topTiedWith(body);
    }

    static Optional<Recommendation> shown(UUID intakeId, int horizonMonths, ShownAdvice.Versions versions) {
        return find("intakeId = ?1 and horizonMonths = ?2 and modelVersion = ?3 and effectModelVersion = ?4 and catalogueVersion = ?5",
                intakeId, horizonMonths, versions.distanceModel(), versions.effectModel(), versions.catalogue())
                .firstResultOptional();
    }

    /**
     * Of the advice given for an intake, the one shown last: whose audit entry (its creation or a
     * read) was written last. One query, not the intake's advice and then their entries.
     */
    static Optional<Recommendation> lastShown(UUID intakeId) {
        return find("select r from Recommendation r, AuditEntry a where r.intakeId = ?1 and a.resourceType = ?2"
                + " and a.resourceId = cast(r.id as String) order by a.seq desc", intakeId, RecommendationService.RESOURCE)
                .firstResultOptional();
    }

    public static List<Recommendation> ofIntake(UUID intakeId) {
        return list("intakeId = ?1 order by createdAt", intakeId);
    }

    public static List<Recommendation> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt", clientId);
    }

    /** Erasure: the advice texts go (they are derived from the profile); codes, versions and dates stay. */
    public static void eraseOfClient(UUID clientId) {
        update("body = ?1 where clientId = ?2", AdviceBody.ERASED, clientId);
    }
}
