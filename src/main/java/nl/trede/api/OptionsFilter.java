package nl.trede.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@code OPTIONS} on an API path answers 204 with exactly the methods that path serves. */
public class OptionsFilter {

    /** The key under which Quarkus REST hands the route template to the HTTP metrics. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final AllowedMethods allowed;

    public OptionsFilter(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerRequestFilter(preMatching = true)
    public Response answerOptions(HttpServerRequest request) {
        if (!HttpMethod.OPTIONS.equals(request.method().name())) {
            return null;
        }
        return allowed.route(request.path()).map(route -> {
            // Answered before matching, so the metrics would otherwise label it with the raw path and its ids.
            ((HttpServerRequestInternal) request).context().putLocal(URL_PATH_TEMPLATE, route.template());
            return Response.noContent().header(HttpHeaders.ALLOW, route.allow()).build();
        }).orElse(null);
    }
}
