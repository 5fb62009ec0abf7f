package nl.trede.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.quarkus.runtime.configuration.MemorySize;
import nl.trede.core.digest.Sha256;
import nl.trede.scoring.ScoreBatchResource;
import nl.trede.trainingruns.TrainingRunResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the service bounded far past its capacity: a request to the API is refused at once, on the
 * event loop and before it is queued for a worker thread, when the service already carries out
 * {@code trede.overload.max-concurrent-requests} (503 {@code overloaded}), or when its caller has used
 * up its rate limit (429 {@code rate_limited}). Both answers carry Retry-After; every API answer
 * carries the caller's limit as the IETF draft "RateLimit header fields for HTTP" writes it
 * ({@code RateLimit-Policy} and {@code RateLimit}). Shedding early is what keeps queues, memory and
 * the latency of the admitted requests flat (bench/overload.sh).
 *
 * <p>Bodies: a request is held to {@code trede.limits.max-body-size}, a caseload for
 * {@code POST /score-batches} (read line by line) and a history for {@code POST /training-runs} to
 * {@code trede.limits.max-batch-body-size}. A body
 * declared larger is refused (413) before it is read; one sent without a length is cut off at the
 * same limit while it is read (Vert.x's own cap, {@code quarkus.http.limits.max-body-size}, is the larger).
 *
 * <p>A caller is its credential (the Authorization header, hashed), or its address when it sends
 * none: the limit is checked before the token is, so that a flood costs no signature checks.
 */
@ApplicationScoped
public class LoadShedding {

    private static final String POLICY = "caller";

    /** What Quarkus names the limit on a body sent without Content-Length, which its input stream enforces. */
    private static final String UNDECLARED_BODY_LIMIT = "io.quarkus.max-request-size";
    private static final Set<String> BATCH_PATHS = Set.of(ApiDesignRulesFilter.BASE_PATH + ScoreBatchResource.PATH,
            ApiDesignRulesFilter.BASE_PATH + TrainingRunResource.PATH);

    private final long maxBodyBytes;
    private final long maxBatchBodyBytes;
    private final int maxConcurrent;
    private final int quota;
    private final Duration window;
    private final int maxCallers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, TokenBucket> callers = new ConcurrentHashMap<>();

    LoadShedding(@ConfigProperty(name = "trede.limits.max-body-size") MemorySize maxBodySize,
                 @ConfigProperty(name = "trede.limits.max-batch-body-size") MemorySize maxBatchBodySize,
                 @ConfigProperty(name = "trede.overload.max-concurrent-requests") int maxConcurrent,
                 @ConfigProperty(name = "trede.rate-limit.requests") int quota,
                 @ConfigProperty(name = "trede.rate-limit.window") Duration window,
                 @ConfigProperty(name = "trede.rate-limit.max-callers") int maxCallers) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxBatchBodyBytes = maxBatchBodySize.asLongValue();
        this.maxConcurrent = maxConcurrent;
        this.quota = quota;
        this.window = window;
        this.maxCallers = maxCallers;
    }

    void route(@Observes Router router) {
        // Before Quarkus's own body limit (order -2), which would answer 413 without a body.
        router.route().order(-11).handler(this::limitDeclaredBody);
        router.route(ApiDesignRulesFilter.BASE_PATH + "/*").order(-10).handler(this::admit);
        // After it: it sets its own, larger, limit for a body without a declared length.
        router.route().order(-1).handler(this::limitUndeclaredBody);
    }

    private long maxBodyBytes(RoutingContext context) {
        return BATCH_PATHS.contains(context.normalizedPath()) ? maxBatchBodyBytes : maxBodyBytes;
    }

    private void limitDeclaredBody(RoutingContext context) {
        long max = maxBodyBytes(context);
        if (declaredBodyBytes(context) > max) {
            // Nothing of it needs reading.
            refuse(context, Problem.of(413, "Content Too Large", "The request body is larger than " + max + " bytes"), 0);
            return;
        }
        context.next();
    }

    private void limitUndeclaredBody(RoutingContext context) {
        if (context.get(UNDECLARED_BODY_LIMIT) != null) {
            context.put(UNDECLARED_BODY_LIMIT, maxBodyBytes(context));
        }
        context.next();
    }

    private void admit(RoutingContext context) {
        long now = System.nanoTime();
        TokenBucket bucket = bucketOf(context, now);
        TokenBucket.Taken taken = bucket.take(now);
        context.response().putHeader("RateLimit-Policy", "\"" + POLICY + "\";q=" + quota + ";w=" + window.toSeconds())
                .putHeader("RateLimit", "\"" + POLICY + "\";r=" + taken.remaining() + ";t=" + taken.resetSeconds());
        if (!taken.granted()) {
            refuse(context, Problem.of(429, "Too Many Requests", "This caller sent more than " + quota + " requests in "
                    + window.toSeconds() + " seconds; retry after " + taken.retryAfterSeconds() + " seconds", ProblemCode.RATE_LIMITED),
                    taken.retryAfterSeconds());
            return;
        }
        if (inFlight.incrementAndGet() > maxConcurrent) {
            inFlight.decrementAndGet();
            refuse(context, Problem.of(503, "Service Unavailable", "The service is carrying out as many requests as it can;"
                    + " retry after 1 second", ProblemCode.OVERLOADED), 1);
            return;
        }
        context.addEndHandler(done -> inFlight.decrementAndGet());
        context.next();
    }

    private static long declaredBodyBytes(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // Vert.x refuses a malformed length itself
        }
    }

    private TokenBucket bucketOf(RoutingContext context, long now) {
        String credential = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        String caller = credential != null ? Sha256.hex(credential.getBytes(StandardCharsets.UTF_8))
                : String.valueOf(context.request().remoteAddress().host());
        if (callers.size() >= maxCallers) {
            // Callers whose bucket has filled up again lose nothing by being forgotten: the map stays bounded.
            callers.values().removeIf(b -> b.isFull(now));
        }
        return callers.computeIfAbsent(caller, c -> new TokenBucket(quota, window, now));
    }

    /** Answers at once; with Retry-After unless {@code retryAfterSeconds} is 0 (the same request will never do). */
    private static void refuse(RoutingContext context, Problem problem, long retryAfterSeconds) {
        if (retryAfterSeconds > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    /** Whole seconds, rounded up: a client told to wait 0.2 s waits 1. */
    private static long ceilSeconds(double nanos) {
        return (long) Math.ceil(nanos / 1e9);
    }

    /** {@code quota} requests per {@code window}, refilled continuously; a new caller starts full. */
    static final class TokenBucket {
        /** Whether the request may go on; what is left; seconds until the next request is allowed and until the quota is whole again. */
        record Taken(boolean granted, long remaining, long retryAfterSeconds, long resetSeconds) {
        }

        private final int capacity;
        private final double nanosPerToken;
        private double tokens;
        private long updated;

        TokenBucket(int capacity, Duration window, long now) {
            this.capacity = capacity;
            this.nanosPerToken = (double) window.toNanos() / capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized Taken take(long now) {
            refill(now);
            boolean granted = tokens >= 1;
            if (granted) {
                tokens -= 1;
            }
            return new Taken(granted, (long) tokens, Math.max(1, ceilSeconds((1 - tokens) * nanosPerToken)),
                    ceilSeconds((capacity - tokens) * nanosPerToken));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) / nanosPerToken);
            updated = now;
        }
    }
}
