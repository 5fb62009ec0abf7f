package nl.trede.draw;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One change of a municipality's switch for randomisation among tied options: who switched it on or
 * off, and when. Changes are appended, never altered; the latest one before a moment was in force then.
 */
@Entity
@Table(name = "tie_randomisation_change")
public class TieRandomisationChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "municipality_code", nullable = false, length = 6)
    public String municipalityCode;
    @Column(nullable = false)
    public boolean enabled;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    @Column(name = "changed_by", nullable = false, length = 1000)
    public String changedBy;

    /** The change in force at a moment: the latest one made up to then; none means off. */
    static Optional<TieRandomisationChange> inForce(String municipalityCode, Instant at) {
        return find("municipalityCode = ?1 and changedAt <= ?2 order by changedAt desc", municipalityCode, at).firstResultOptional();
    }
}
