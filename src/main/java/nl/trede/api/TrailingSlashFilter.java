package nl.trede.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** API Design Rules /core/no-trailing-slash: a path with a trailing slash is 404, not a redirect. */
public class TrailingSlashFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseTrailingSlash(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            Problem problem = Problem.of(404, "Not found", "No resource at this address: paths have no trailing slash");
            return Response.status(404).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return null;
    }
}
