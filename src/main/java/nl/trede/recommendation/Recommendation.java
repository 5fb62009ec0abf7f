package nl.trede.recommendation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.persistence.ClientFact;

/** Advice as it was shown, kept so a decision can be compared with exactly what the klantmanager saw. */
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
    @Column(name = "top_intervention_code", nullable = false, length = 40)
    public String topInterventionCode;
    /** The whole {@link RecommendationView} as shown, as JSON. */
    @Column(nullable = false, length = 65535)
    public String body;

    static Optional<Recommendation> latestFor(UUID intakeId) {
        return find("intakeId = ?1 order by createdAt desc", intakeId).firstResultOptional();
    }

    public static List<Recommendation> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt", clientId);
    }
}
