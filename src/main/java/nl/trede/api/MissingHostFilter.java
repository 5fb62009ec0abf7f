package nl.trede.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * HTTP/1.0 allows a request without a {@code Host} header (HTTP/1.1 requires one, and Vert.x
 * refuses it there). Without it JAX-RS has no absolute request URI, so every link it builds
 * ({@code Location}, the base URI) would fail. Such a request is read as addressed to the socket it
 * arrived on, which is where the caller reached us.
 */
public class MissingHostFilter {

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 1000)
    public Response addressToLocalSocket(ContainerRequestContext context, HttpServerRequest request) {
        if (request.authority() != null) {
            return null;
        }
        SocketAddress local = request.localAddress();
        try {
            URI socket = new URI(request.scheme(), null, local.host(), local.port(), "/", null, null);
            context.setRequestUri(socket, new URI(request.uri()));
            return null;
        } catch (URISyntaxException e) {
            Problem problem = Problem.of(400, "Bad request", "The request target is not a valid URI");
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
    }
}
