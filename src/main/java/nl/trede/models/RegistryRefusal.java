package nl.trede.models;

import jakarta.ws.rs.core.Response;
import nl.trede.api.Problem;
import nl.trede.api.ProblemCode;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A move of the registry's pointer that is refused, with the status and code that say why. */
public class RegistryRefusal extends RuntimeException {

    private final int status;
    private final ProblemCode code;

    RegistryRefusal(int status, ProblemCode code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static final class Mapper {

        @ServerExceptionMapper
        public Response refused(RegistryRefusal e) {
            return Response.status(e.status).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(e.status, e.status == 403 ? "Forbidden" : "Conflict", e.getMessage(), e.code)).build();
        }
    }
}
