package nl.trede.outcome;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.trede.persistence.ClientFact;

/** A client's situation observed on a date; an append-only fact that closes the learning loop. */
@Entity
@Table(name = "outcome")
public class Outcome extends ClientFact {

    @Column(name = "decision_id")
    public UUID decisionId;
    @Column(name = "observed_on", nullable = false)
    public LocalDate observedOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public OutcomeStatus status;
    @Column(name = "hours_per_week")
    public Double hoursPerWeek;
    @Column(name = "participation_rung")
    public Integer participationRung;
    /** Version of the distance model behind the decision (or intake) this outcome follows. */
    @Column(name = "model_version", nullable = false, length = 100)
    public String modelVersion;

    public static List<Outcome> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt", clientId);
    }
}
