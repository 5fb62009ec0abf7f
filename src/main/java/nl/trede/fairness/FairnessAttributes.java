package nl.trede.fairness;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A client's protected attributes, kept apart from everything a model reads. Only this package
 * and erasure touch the table ({@code LayeringTest} holds everyone else to that).
 */
@Entity
@Table(name = "fairness_attributes")
public class FairnessAttributes extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(name = "migration_background", length = 20)
    public MigrationBackground migrationBackground;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static void eraseOfClient(UUID clientId) {
        deleteById(clientId);
    }
}
