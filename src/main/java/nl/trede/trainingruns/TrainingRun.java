package nl.trede.trainingruns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored training run: what was asked, where it is, and what it produced; only {@link TrainingRuns} writes it. */
@Entity
@Table(name = "training_run")
class TrainingRun extends PanacheEntityBase {

    enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** Where the run reads its records: the service's own decisions of a municipality, or an uploaded history CSV. */
    enum Source { HISTORY, CSV }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Source source;
    @Column(name = "municipality_code", length = 6)
    public String municipalityCode;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @Column(nullable = false, length = 2000)
    public String settings;
    public byte[] upload;
    @Column(name = "requested_by", nullable = false, length = 1000)
    public String requestedBy;
    @Column(name = "requested_roles", nullable = false, length = 1000)
    public String requestedRoles;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "instance_id", nullable = false, length = 100)
    public String instanceId;
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(nullable = false, length = 200)
    public String stage;
    @Column(nullable = false)
    public double progress;
    @Column(name = "model_version")
    public Long modelVersion;
    @Column(length = 20000)
    public String result;
    @Column(length = 2000)
    public String failure;

    boolean ended() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }
}
