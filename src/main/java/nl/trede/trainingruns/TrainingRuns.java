package nl.trede.trainingruns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import nl.trede.api.NotFound;
import nl.trede.audit.AuditTrail;
import nl.trede.core.candidate.CandidateTraining;
import nl.trede.core.report.CandidateEvaluation;
import nl.trede.core.report.EvaluationReport;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelRegistry;
import nl.trede.models.ModelSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Training runs (issue #11.3), the one implementation behind the API and {@code train-candidate}.
 * A run is stored QUEUED, then carried out on this instance's own single worker thread, one run at
 * a time (training is heavy and each run already fits interventions in parallel): it reads its
 * records ({@link TrainingRunData}), trains and evaluates the candidate ({@link CandidateTraining})
 * against the version serving now, and registers the two artefacts and the candidate version with
 * its report and provenance in one transaction. Stage, progress and log lines go to the database as
 * they happen, so any instance answers GET while it runs.
 *
 * <p>The worker writes a heartbeat on its runs every {@code trede.training-runs.heartbeat-interval};
 * a QUEUED or RUNNING run whose heartbeat is older than {@code trede.training-runs.abandoned-after}
 * lost its instance (a crash, a restart) and is marked FAILED with that reason, by every instance
 * at start-up and then at every heartbeat. On shutdown the queue is not carried over: the running
 * run is interrupted and it and every queued run of this instance are marked FAILED ("the instance
 * shut down"), to be started again.
 */
@ApplicationScoped
public class TrainingRuns {

    private static final Logger LOG = Logger.getLogger(TrainingRuns.class);
    static final String RESOURCE = "training-run";
    private static final String SHUT_DOWN = "the instance carrying it out shut down before the run finished; start it again";
    private static final String ABANDONED = "interrupted: the instance carrying it out stopped (a restart or a crash) "
            + "before the run finished; start it again";

    /** What a caller asks for: the source and the settings; the resolved settings are stored with the run. */
    public record Order(TrainingRun.Source source, String municipalityCode, LocalDate from, LocalDate to, byte[] upload,
                        CandidateTraining.Settings settings, String requestedBy, String requestedRoles) {

        /** A run on a municipality's decisions, of a period (either end may be null: open). */
        public static Order fromHistory(String municipalityCode, LocalDate from, LocalDate to, CandidateTraining.Settings settings,
                                        String requestedBy, String requestedRoles) {
            return new Order(TrainingRun.Source.HISTORY, municipalityCode, from, to, null, settings, requestedBy, requestedRoles);
        }

        /** A run on an uploaded history CSV; check it first with {@link #readable(byte[])}. */
        public static Order fromUpload(byte[] csv, CandidateTraining.Settings settings, String requestedBy, String requestedRoles) {
            return new Order(TrainingRun.Source.CSV, null, null, null, csv, settings, requestedBy, requestedRoles);
        }
    }

    /**
     * Reads an upload as a run would, so that an unreadable one is refused before it is queued.
     *
     * @throws nl.trede.core.training.HistoryCsvData.InvalidCsv naming the line and column of the first cell that cannot be read
     */
    public static void readable(byte[] csv) throws IOException {
        TrainingRunData.upload(csv);
    }

    private final String instanceId = UUID.randomUUID().toString();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "training-run");
        thread.setDaemon(true);
        return thread;
    });
    private final TrainingRunData data;
    private final ModelRegistry registry;
    private final ActiveModels models;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final EntityManager entities;
    private final Duration abandonedAfter;
    private final String codeVersion;

    public TrainingRuns(TrainingRunData data, ModelRegistry registry, ActiveModels models, AuditTrail audit, ObjectMapper json,
                        EntityManager entities, @ConfigProperty(name = "trede.training-runs.abandoned-after") Duration abandonedAfter,
                        @ConfigProperty(name = "quarkus.application.version") String codeVersion) {
        this.data = data;
        this.registry = registry;
        this.models = models;
        this.audit = audit;
        this.json = json;
        this.entities = entities;
        this.abandonedAfter = abandonedAfter;
        this.codeVersion = codeVersion;
    }

    void onStart(@Observes StartupEvent start) {
        failAbandoned();
    }

    void onShutdown(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
        int failed = QuarkusTransaction.requiringNew().call(() -> TrainingRun.update("status = ?1, failure = ?2, finishedAt = ?3 "
                + "where instanceId = ?4 and status in ?5", TrainingRun.Status.FAILED, SHUT_DOWN, now(), instanceId,
                List.of(TrainingRun.Status.QUEUED, TrainingRun.Status.RUNNING)));
        if (failed > 0) {
            LOG.warnf("Shutting down: %d training runs of this instance marked FAILED", failed);
        }
    }

    /** Stores the run as QUEUED and on the audit trail (as the caller), then queues it on this instance's worker. */
    public TrainingRunView start(Order order) {
        UUID id = store(order);
        try {
            worker.submit(() -> execute(id, line -> { }));
        } catch (RejectedExecutionException e) {
            finish(id, TrainingRun.Status.FAILED, null, null, SHUT_DOWN);
        }
        return view(id, true);
    }

    /** Stores the run and carries it out on the calling thread (the command line's way), passing each log line on. */
    public TrainingRunView startAndWait(Order order, Consumer<String> log) {
        UUID id = store(order);
        execute(id, log);
        return view(id, true);
    }

    private UUID store(Order order) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun r = new TrainingRun();
            r.id = UUID.randomUUID();
            r.status = TrainingRun.Status.QUEUED;
            r.source = order.source();
            r.municipalityCode = order.municipalityCode();
            r.periodFrom = order.from();
            r.periodTo = order.to();
            r.settings = write(json.valueToTree(order.settings()));
            r.upload = order.upload();
            r.requestedBy = order.requestedBy();
            r.requestedRoles = order.requestedRoles();
            r.requestedAt = now();
            r.instanceId = instanceId;
            r.heartbeatAt = r.requestedAt;
            r.stage = "queued";
            r.progress = 0;
            r.persist();
            audit.recordAs(order.requestedBy(), order.requestedRoles(), AuditTrail.Action.CREATE, RESOURCE, r.id,
                    order.municipalityCode(), null);
            return r.id;
        });
    }

    public TrainingRunView view(UUID id, boolean withLog) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun run = TrainingRun.<TrainingRun>findByIdOptional(id).orElseThrow(() -> new NotFound("Training run " + id));
            return TrainingRunView.of(run, withLog ? log(id) : null, json);
        });
    }

    /** The newest runs on the history of the given municipalities or on an upload, without their logs. */
    public List<TrainingRunView> list(int limit, Set<String> municipalities) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>find("municipalityCode is null or "
                        + "municipalityCode in ?1 order by requestedAt desc", municipalities.isEmpty() ? Set.of("") : municipalities)
                .page(0, limit).list().stream().map(r -> TrainingRunView.of(r, null, json)).toList());
    }

    /** The run's municipality, for the caller's authorisation (null for an upload, which belongs to no municipality). */
    String municipalityOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findByIdOptional(id)
                .orElseThrow(() -> new NotFound("Training run " + id)).municipalityCode);
    }

    @Scheduled(every = "${trede.training-runs.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.update("heartbeatAt = ?1 where instanceId = ?2 and status in ?3",
                now(), instanceId, List.of(TrainingRun.Status.QUEUED, TrainingRun.Status.RUNNING)));
        failAbandoned();
    }

    /** Marks FAILED every unfinished run whose instance has not written a heartbeat for {@code abandoned-after}. */
    int failAbandoned() {
        Instant now = now();
        int failed = QuarkusTransaction.requiringNew().call(() -> TrainingRun.update("status = ?1, failure = ?2, finishedAt = ?3 "
                        + "where status in ?4 and heartbeatAt < ?5", TrainingRun.Status.FAILED, ABANDONED, now,
                List.of(TrainingRun.Status.QUEUED, TrainingRun.Status.RUNNING), now.minus(abandonedAfter)));
        if (failed > 0) {
            LOG.warnf("%d training runs lost their instance and were marked FAILED", failed);
        }
        return failed;
    }

    // ---- carrying a run out ---------------------------------------------------------------------

    void execute(UUID id, Consumer<String> echo) {
        long started = System.nanoTime();
        TrainingRun run = QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun r = TrainingRun.findById(id);
            if (r.status != TrainingRun.Status.QUEUED) {
                return null;
            }
            r.status = TrainingRun.Status.RUNNING;
            r.startedAt = now();
            r.heartbeatAt = r.startedAt;
            return r;
        });
        if (run == null) {
            return;
        }
        CandidateTraining.Progress progress = (stage, fraction, line) -> {
            progress(id, stage, fraction, line);
            echo.accept(line);
        };
        try {
            progress.report("reading the records", 0.02, run.source == TrainingRun.Source.CSV
                    ? "reading the uploaded history CSV (" + run.upload.length + " bytes)"
                    : "reading the decisions of " + run.municipalityCode + " through the training-data export");
            TrainingRunData.Read read = run.source == TrainingRun.Source.CSV ? TrainingRunData.upload(run.upload)
                    : data.history(run.municipalityCode, run.periodFrom, run.periodTo);
            progress.report("splitting", 0.1, String.format(Locale.ROOT, "read %d records, SHA-256 %s, decisions %s to %s",
                    read.data().records().size(), read.sha256(), read.firstDecision(), read.lastDecision()));
            CandidateTraining.Settings settings = json.readValue(run.settings, CandidateTraining.Settings.class);
            long against;
            ModelSet active;
            do { // the set and its number, read as one: a switch between the two reads is read again
                against = models.currentVersion();
                active = models.current();
            } while (against != models.currentVersion());
            long version = registry.nextVersionNumber();
            CandidateTraining.Result result = CandidateTraining.train(read.data(), read.attributes(),
                    new CandidateEvaluation.ModelSet(active.distance(), active.effects()), "v" + version,
                    "POST /api/v1/training-runs (training run " + id + "), or java -jar quarkus-run.jar train-candidate",
                    settings, progress);
            progress.report("registering", 0.95, "registering " + result.distance().version() + ", " + result.effects().version()
                    + " and candidate version " + version + ", evaluated against version " + against);
            String provenance = provenance(run, read, settings, result, against, started);
            register(run, version, result, provenance, against);
            progress(id, "succeeded", 1, String.format(Locale.ROOT, "candidate version %d registered with its evaluation report "
                    + "(%d flags); propose it with POST /api/v1/models/promotions", version, result.report().flags().size()));
            echo.accept("registered candidate version " + version);
        } catch (RuntimeException | IOException e) {
            String reason = Thread.currentThread().isInterrupted() ? SHUT_DOWN
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Training run %s failed (%s)", id, e.getClass().getSimpleName());
            progress(id, "failed", progressOf(id), "failed: " + reason);
            finish(id, TrainingRun.Status.FAILED, null, null, truncate(reason, 2000));
            echo.accept("failed: " + reason);
        }
    }

    private void register(TrainingRun run, long version, CandidateTraining.Result result, String provenance, long against) {
        EvaluationReport report = result.report();
        QuarkusTransaction.requiringNew().run(() -> {
            registry.register(result.distance().kind(), result.distance().version(), result.distance().bytes(),
                    result.distance().card());
            registry.register(result.effects().kind(), result.effects().version(), result.effects().bytes(),
                    result.effects().card());
            registry.registerVersion(version, new ModelRegistry.NewVersion(result.distance().version(), result.effects().version(),
                    provenance, run.requestedBy, report.toJson().getBytes(StandardCharsets.UTF_8),
                    report.toHtml().getBytes(StandardCharsets.UTF_8), against));
            finish(run.id, TrainingRun.Status.SUCCEEDED, version, provenance, null);
            audit.recordAs(run.requestedBy, run.requestedRoles, AuditTrail.Action.CREATE, "model-version", run.id,
                    run.municipalityCode, Long.toString(version), run.source == TrainingRun.Source.HISTORY
                            ? AuditTrail.Detail.FAIRNESS_ATTRIBUTES_USED : null);
        });
    }

    /**
     * The version's provenance: the run, its data (hash, size, period), code version, settings and
     * duration, the split and the positivity problems.
     */
    private String provenance(TrainingRun run, TrainingRunData.Read read, CandidateTraining.Settings settings,
                              CandidateTraining.Result result, long against, long startedNanos) {
        ObjectNode p = json.createObjectNode();
        p.put("source", "training run");
        p.put("trainingRun", run.id.toString());
        p.put("requestedBy", run.requestedBy);
        ObjectNode d = p.putObject("data");
        d.put("source", run.source.name());
        d.put("municipalityCode", run.municipalityCode);
        d.put("description", read.data().description());
        d.put("sha256", read.sha256());
        d.put("records", read.data().records().size());
        d.put("firstDecision", read.firstDecision() == null ? null : read.firstDecision().toString());
        d.put("lastDecision", read.lastDecision() == null ? null : read.lastDecision().toString());
        d.put("periodFrom", run.periodFrom == null ? null : run.periodFrom.toString());
        d.put("periodTo", run.periodTo == null ? null : run.periodTo.toString());
        p.set("split", json.valueToTree(result.split()));
        ObjectNode code = p.putObject("code");
        code.put("version", codeVersion);
        code.put("what", "the project version of the build (pom.xml); the build records no git commit");
        p.set("settings", json.valueToTree(settings));
        p.put("evaluatedAgainst", against);
        p.set("positivity", json.valueToTree(result.positivity()));
        p.put("startedAt", run.startedAt.toString());
        p.put("finishedAt", now().toString());
        p.put("durationSeconds", Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0);
        return write(p);
    }

    private void progress(UUID id, String stage, double fraction, String line) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun run = TrainingRun.findById(id);
            run.stage = stage;
            run.progress = fraction;
            run.heartbeatAt = now();
            Number lines = (Number) entities.createNativeQuery("SELECT COUNT(*) FROM training_run_log WHERE run_id = ?1")
                    .setParameter(1, id).getSingleResult();
            entities.createNativeQuery("INSERT INTO training_run_log (run_id, seq, logged_at, line) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, lines.intValue() + 1).setParameter(3, now())
                    .setParameter(4, truncate(line, 2000)).executeUpdate();
        });
    }

    private double progressOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(id).progress);
    }

    /** Ends a run that is still going (a run already ended, by shutdown or as abandoned, keeps its end). */
    private void finish(UUID id, TrainingRun.Status status, Long version, String result, String failure) {
        QuarkusTransaction.joiningExisting().run(() -> {
            TrainingRun run = TrainingRun.findById(id);
            if (run.ended()) {
                return;
            }
            run.status = status;
            run.stage = status == TrainingRun.Status.SUCCEEDED ? "succeeded" : "failed";
            run.progress = status == TrainingRun.Status.SUCCEEDED ? 1 : run.progress;
            run.modelVersion = version;
            run.result = result;
            run.failure = failure;
            run.finishedAt = now();
            run.upload = null; // its SHA-256 is in the result; the bytes need not be kept
        });
    }

    private List<TrainingRunView.LogLine> log(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("SELECT seq, logged_at, line FROM training_run_log WHERE run_id = ?1 "
                + "ORDER BY seq").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new TrainingRunView.LogLine(((Number) r[0]).intValue(), instant(r[1]), (String) r[2])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private String write(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int length) {
        String value = text == null ? "" : text;
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
