package nl.trede.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import nl.trede.api.Problem;
import nl.trede.api.ProblemCode;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Why a request with an Idempotency-Key was not carried out, and its problem+json answer. */
public class IdempotencyProblem {

    /** The key was used for another request: the client must not reuse keys (422, as in the IETF draft). */
    static final class KeyReused extends RuntimeException {
        KeyReused() {
            super("This Idempotency-Key was already used for another request (another body, method or path); "
                    + "send a new key for a new request", null, false, false);
        }
    }

    /** The first request with the key has not finished: retry after a moment (409, as in the IETF draft). */
    static final class InProgress extends RuntimeException {
        InProgress() {
            super("A request with this Idempotency-Key is still being carried out; retry it in a moment", null, false, false);
        }
    }

    /** Seconds a client waits before retrying a request in progress: most requests take milliseconds. */
    private static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response keyReused(KeyReused e) {
        return respond(Problem.of(422, "Idempotency-Key reused", e.getMessage(), ProblemCode.IDEMPOTENCY_KEY_REUSED)).build();
    }

    @ServerExceptionMapper
    public Response inProgress(InProgress e) {
        return respond(Problem.of(409, "Request in progress", e.getMessage(), ProblemCode.REQUEST_IN_PROGRESS))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
