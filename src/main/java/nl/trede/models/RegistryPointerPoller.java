package nl.trede.models;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import nl.trede.api.DatabaseUnavailable;
import org.jboss.logging.Logger;

/**
 * Every {@code trede.models.poll-interval} (5 s) reads the registry's pointer and switches the
 * serving and shadow sets when another instance (or this one) moved it: every instance on the
 * database serves a promoted or rolled-back version within one interval plus the time to load it.
 */
@ApplicationScoped
public class RegistryPointerPoller {

    private static final Logger LOG = Logger.getLogger(RegistryPointerPoller.class);

    private final ActiveModels models;

    public RegistryPointerPoller(ActiveModels models) {
        this.models = models;
    }

    @Scheduled(every = "${trede.models.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            models.follow();
        } catch (RuntimeException e) {
            // The database may be away for a while; the set serving now stays until it is back.
            if (DatabaseUnavailable.causedBy(e)) {
                LOG.debugf("Registry pointer not readable now (%s)", e.getClass().getName());
            } else {
                LOG.errorf("Cannot follow the registry pointer: %s", e.getMessage());
            }
        }
    }
}
