package nl.trede.models;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import nl.trede.core.distance.ModelArtefact;

/** A row of the registry table; only {@link ModelRegistry} reads and writes it. */
@Entity
@Table(name = "model_artefact")
class RegisteredModel extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String version;
    @Column(nullable = false, length = 40)
    public String kind;
    @Column(nullable = false)
    public byte[] content;
    @Column(nullable = false, length = 64)
    public String sha256;
    @Column(nullable = false)
    public byte[] card;
    @Column(name = "card_sha256", nullable = false, length = 64)
    public String cardSha256;
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    ModelArtefact artefact() {
        return new ModelArtefact(kind, version, content, card);
    }
}
