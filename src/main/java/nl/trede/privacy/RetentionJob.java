package nl.trede.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.trede.audit.AuditTrail;
import nl.trede.client.Client;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Erases the personal data of clients with no activity within the retention period. */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    static final String ACTOR = "system:retention";

    private final ErasureService erasure;
    private final AuditTrail audit;
    private final Duration retention;

    public RetentionJob(ErasureService erasure, AuditTrail audit,
                        @ConfigProperty(name = "trede.retention.personal-data-days") int retentionDays) {
        this.erasure = erasure;
        this.audit = audit;
        this.retention = Duration.ofDays(retentionDays);
    }

    @Scheduled(every = "${trede.retention.schedule}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runDaily() {
        eraseExpired();
    }

    /** Erases every client inactive since before the retention period; returns how many. */
    @Transactional
    public int eraseExpired() {
        Instant cutoff = Instant.now().minus(retention);
        List<Client> expired = Client.list("""
                from Client c where c.erasedAt is null and c.createdAt < ?1
                and not exists (from Intake i where i.clientId = c.id and i.createdAt >= ?1)
                and not exists (from Decision d where d.clientId = c.id and d.createdAt >= ?1)
                and not exists (from Outcome o where o.clientId = c.id and o.createdAt >= ?1)""", cutoff);
        for (Client client : expired) {
            erasure.erase(client);
            audit.recordAs(ACTOR, "system", AuditTrail.Action.ERASE, "client", client.id, client.municipalityCode, null);
        }
        if (!expired.isEmpty()) {
            LOG.infof("Retention: erased the personal data of %d client(s) inactive since %s", expired.size(), cutoff);
        }
        return expired.size();
    }
}
