package nl.trede.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored allocation run: what it was run on, and its summary; each client's proposal is an {@link AllocationProposal}. */
@Entity
@Table(name = "allocation_run")
public class AllocationRun extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "municipality_code", nullable = false, length = 6)
    public String municipalityCode;
    @Column(nullable = false, length = 7)
    public String period;
    @Column(name = "horizon_months", nullable = false)
    public int horizonMonths;
    @Column(name = "capacity_plan_id", nullable = false)
    public UUID capacityPlanId;
    @Column(name = "effect_model_version", nullable = false, length = 100)
    public String effectModelVersion;
    @Column(name = "catalogue_version", nullable = false, length = 100)
    public String catalogueVersion;
    /** Totals, prices and curve: a {@link RunSummary} as JSON. */
    @Column(nullable = false, length = 1000000)
    public String summary;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** The tie randomisation setting that let the run draw among near-tied clients; null: the setting was off, no draw. */
    @Column(name = "tie_randomisation_change_id")
    public UUID tieRandomisationChangeId;
    @Column(name = "created_by", nullable = false, length = 1000)
    public String createdBy;
}
