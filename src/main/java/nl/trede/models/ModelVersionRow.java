package nl.trede.models;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A numbered model version (a set of artefacts the service can answer with); only the registry writes it. */
@Entity
@Table(name = "model_version")
class ModelVersionRow extends PanacheEntityBase {

    @Id
    public long version;
    @Column(name = "distance_version", nullable = false, length = 100)
    public String distanceVersion;
    @Column(name = "effects_version", length = 100)
    public String effectsVersion;
    @Column(name = "catalogue_version", nullable = false, length = 100)
    public String catalogueVersion;
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
    @Column(name = "registered_by", nullable = false, length = 1000)
    public String registeredBy;
    @Column(nullable = false, length = 20000)
    public String provenance;
    @Column(name = "report_json")
    public byte[] reportJson;
    @Column(name = "report_html")
    public byte[] reportHtml;
    @Column(name = "report_sha256", length = 64)
    public String reportSha256;
    @Column(name = "evaluated_against")
    public Long evaluatedAgainst;
}
