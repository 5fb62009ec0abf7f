package nl.trede.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** API Design Rules /core/no-trailing-slash: a path with a trailing slash is 404, not a redirect. */
public class TrailingSlashFilter {

    /** Reads the raw path from the socket's request line, which every request has (unlike an absolute URI). */
    @ServerRequestFilter(preMatching = true)
    public Response refuseTrailingSlash(HttpServerRequest request) {
        String path = request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            Problem problem = Problem.of(404, "Not found", "No resource at this address: paths have no trailing slash");
            return Response.status(404).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return null;
    }
}
