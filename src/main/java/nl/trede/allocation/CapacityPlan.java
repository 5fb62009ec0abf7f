package nl.trede.allocation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.persistence.JsonText;

/**
 * One version of what a municipality can offer in a period: the places and cost per place of each
 * intervention, and the budget. Versions are appended, never changed; the highest is in force.
 */
@Entity
@Table(name = "capacity_plan")
public class CapacityPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "municipality_code", nullable = false, length = 6)
    public String municipalityCode;
    @Column(nullable = false, length = 7)
    public String period;
    @Column(nullable = false)
    public int version;
    @Column(name = "budget_euros", nullable = false)
    public double budgetEuros;
    /** The places, as a JSON array of {@link Place}. */
    @Column(nullable = false, length = 65535)
    public String places;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 1000)
    public String createdBy;

    /** An intervention's places in the period and what one costs. */
    public record Place(String interventionCode, int places, double costEuros) {
    }

    public List<Place> placeList() {
        return JsonText.read(places, new TypeReference<List<Place>>() { });
    }

    /** The plan in force: the latest version for the municipality and period. */
    static Optional<CapacityPlan> current(String municipalityCode, String period) {
        return find("municipalityCode = ?1 and period = ?2 order by version desc", municipalityCode, period).firstResultOptional();
    }
}
