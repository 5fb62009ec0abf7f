package nl.trede.shadow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nl.trede.core.distance.DistanceScore;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.intake.IntakeRecorded;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelSet;
import nl.trede.recommendation.AdviceBody;
import nl.trede.recommendation.RecommendationService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lets the shadow version score every live intake beside the active set, and stores both answers
 * for the comparison. It runs <em>after</em> the intake's transaction committed, on one worker
 * thread of its own with a bounded queue: the intake's answer never waits for it, a shadow failure
 * cannot roll the intake back, and under a load the worker cannot keep up with, intakes are left
 * unshadowed (counted) instead of queueing without bound. A failure is logged without personal data
 * or ids and counted in {@code trede_shadow_intakes_total{outcome="failed"}}.
 */
@ApplicationScoped
public class ShadowScoring {

    private static final Logger LOG = Logger.getLogger(ShadowScoring.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ActiveModels models;
    private final RecommendationService recommendations;
    private final ThreadPoolExecutor worker;
    private final Counter stored;
    private final Counter failed;
    private final Counter dropped;
    private final Timer cpu;

    public ShadowScoring(ActiveModels models, RecommendationService recommendations, MeterRegistry metrics,
                         @ConfigProperty(name = "trede.models.shadow.queue-capacity") int queueCapacity) {
        this.models = models;
        this.recommendations = recommendations;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread thread = new Thread(r, "trede-shadow-scoring");
            thread.setDaemon(true);
            return thread;
        });
        this.stored = outcome(metrics, "stored", "shadow answers stored");
        this.failed = outcome(metrics, "failed", "shadow answers that failed (logged)");
        this.dropped = outcome(metrics, "dropped", "intakes left unshadowed because the shadow worker's queue was full");
        this.cpu = Timer.builder("trede.shadow.cpu").description("CPU time of the shadow worker per intake: the score, four "
                + "advices (shadow and active, 12 and 24 months) and the insert").register(metrics);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome, String description) {
        return Counter.builder("trede.shadow.intakes").tag("outcome", outcome).description(description).register(metrics);
    }

    /** Called once the intake's transaction has committed: hands the intake to the worker if a version shadows. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) IntakeRecorded intake) {
        Optional<ActiveModels.Numbered> shadow = models.shadow();
        if (shadow.isEmpty()) {
            return;
        }
        try {
            worker.execute(() -> store(intake, shadow.get()));
        } catch (RejectedExecutionException e) {
            dropped.increment();
        }
    }

    private void store(IntakeRecorded intake, ActiveModels.Numbered shadow) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            ShadowScore row = answer(intake, shadow);
            QuarkusTransaction.requiringNew().run(row::persist);
            stored.increment();
            cpu.record(THREADS.getCurrentThreadCpuTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warnf("Shadow version %d could not score an intake: %s", shadow.version(), e.getClass().getName());
        }
    }

    /** The shadow's score and advice for the intake, with the active set's rankings from the snapshot that scored it. */
    private ShadowScore answer(IntakeRecorded intake, ActiveModels.Numbered shadow) {
        ModelSet set = shadow.set();
        ModelSet active = intake.scoredWith();
        DistanceScore score = set.distance().score(intake.profile());
        ShownAdvice at12 = advise(intake, set, score.probability(), 12);
        ShownAdvice at24 = advise(intake, set, score.probability(), 24);
        ShadowScore row = new ShadowScore();
        row.newFactAbout(intake.clientId(), intake.municipalityCode());
        row.intakeId = intake.intakeId();
        row.shadowVersion = shadow.version();
        row.distanceModelVersion = set.distance().version();
        row.effectModelVersion = set.effects().version();
        row.catalogueVersion = set.catalogue().version();
        row.probability = score.probability();
        row.category = score.category().number();
        row.ranking12 = ShadowScore.ranking(at12);
        row.ranking24 = ShadowScore.ranking(at24);
        row.advice12 = AdviceBody.write(at12);
        row.advice24 = AdviceBody.write(at24);
        row.activeEffectModelVersion = active.effects().version();
        row.activeRanking12 = ShadowScore.ranking(advise(intake, active, intake.probability(), 12));
        row.activeRanking24 = ShadowScore.ranking(advise(intake, active, intake.probability(), 24));
        return row;
    }

    /** The advice as it is shown, with the given set's score as its baseline (each set's own). */
    private ShownAdvice advise(IntakeRecorded intake, ModelSet set, double baselineChance, int horizonMonths) {
        return recommendations.advise(intake.profile(), baselineChance, set, set.versions(), horizonMonths);
    }

    /** Lets the intakes already handed over finish (briefly) when the service stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
