package nl.trede.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import nl.trede.persistence.ClientFact;

/** What an allocation run proposes for one client: an intervention (NONE for nothing) with its expected effect. */
@Entity
@Table(name = "allocation_proposal")
public class AllocationProposal extends ClientFact {

    @Column(name = "run_id", nullable = false)
    public UUID runId;
    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;
    /** The client's place in the cohort: the order in which the run listed it. */
    @Column(nullable = false)
    public int position;
    @Column(name = "intervention_code", nullable = false, length = 40)
    public String interventionCode;
    /** What the client's own ranking put first, places and budget aside. */
    @Column(name = "own_best_code", nullable = false, length = 40)
    public String ownBestCode;
    /** Percentage points, with the 95 % interval; null once the client's personal data are erased. */
    public Double effect;
    @Column(name = "effect_lower")
    public Double effectLower;
    @Column(name = "effect_upper")
    public Double effectUpper;
    @Column(name = "near_tie", nullable = false)
    public boolean nearTie;
    @Column(name = "near_tie_with", length = 40)
    public String nearTieWith;
    /** The probability with which the run's draw gave this client what it proposes; null outside a draw. */
    @Column(name = "draw_probability")
    public Double drawProbability;

    /** Every proposal made for these intakes, oldest first. */
    public static List<AllocationProposal> ofIntakes(List<UUID> intakeIds) {
        return list("intakeId in ?1 order by createdAt", intakeIds);
    }

    static List<AllocationProposal> ofRun(UUID runId) {
        return list("runId = ?1 order by position", runId);
    }

    /** Erasure: the effects are derived from the profile and go; the codes stay, like an advice's. */
    public static void eraseOfClient(UUID clientId) {
        update("effect = null, effectLower = null, effectUpper = null where clientId = ?1", clientId);
    }
}
