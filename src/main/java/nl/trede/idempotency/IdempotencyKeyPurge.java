package nl.trede.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets keys (and the answers kept with them) after {@code trede.idempotency.retention}: a retry
 * after that is carried out as a new request. Harmless when several instances run it at once.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyStore store;
    private final Duration retention;

    public IdempotencyKeyPurge(IdempotencyStore store, @ConfigProperty(name = "trede.idempotency.retention") Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    @Scheduled(every = "${trede.idempotency.purge-schedule}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        int purged = store.purgeCreatedBefore(Instant.now().minus(retention));
        if (purged > 0) {
            LOG.infof("Idempotency keys: forgot %d key(s) older than %s", purged, retention);
        }
    }
}
