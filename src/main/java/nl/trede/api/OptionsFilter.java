package nl.trede.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@code OPTIONS} on an API path answers 204 with exactly the methods that path serves. */
public class OptionsFilter {

    private final AllowedMethods allowed;

    public OptionsFilter(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerRequestFilter(preMatching = true)
    public Response answerOptions(HttpServerRequest request) {
        if (!HttpMethod.OPTIONS.equals(request.method().name())) {
            return null;
        }
        return allowed.allowHeader(request.path())
                .map(methods -> Response.noContent().header(HttpHeaders.ALLOW, methods).build())
                .orElse(null);
    }
}
