package nl.trede.idempotency;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.trede.core.digest.Sha256;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the {@code Idempotency-Key} of a request to an {@link Idempotent} operation and fingerprints
 * the request (SHA-256 of method, path and body), so that a retry can be told from another request
 * under the same key. The body is at most {@code trede.limits.max-body-size} (no idempotent
 * operation takes a batch); it is read once here and handed on unchanged.
 */
public class IdempotencyKeyFilter {

    private final IdempotentCall call;

    public IdempotencyKeyFilter(IdempotentCall call) {
        this.call = call;
    }

    @ServerRequestFilter
    public void fingerprint(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(Idempotent.class)) {
            return;
        }
        String key = IdempotencyKey.of(request.getHeaders().get(IdempotencyKey.HEADER));
        if (key == null) {
            return;
        }
        try {
            byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
            request.setEntityStream(new ByteArrayInputStream(body));
            String target = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "\n";
            call.set(key, Sha256.hex(target.getBytes(StandardCharsets.UTF_8), body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
