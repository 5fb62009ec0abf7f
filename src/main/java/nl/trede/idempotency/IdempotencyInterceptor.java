package nl.trede.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import nl.trede.core.digest.Sha256;
import nl.trede.idempotency.IdempotencyStore.Answered;
import nl.trede.idempotency.IdempotencyStore.Claim;
import nl.trede.idempotency.IdempotencyStore.Claimed;
import nl.trede.idempotency.IdempotencyStore.UsedForAnotherRequest;
import nl.trede.security.CurrentUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries out a request with an {@code Idempotency-Key} at most once. The key is claimed in a
 * transaction of its own; the operation then runs in one transaction with the storing of its
 * answer, so a crash leaves either the write and its answer, or neither (and a claim that a retry
 * takes over once it is {@code trede.idempotency.abandoned-after} old). Only successful answers are
 * kept: a refused request changed nothing, and its retry is carried out afresh.
 * After Bean Validation ({@code PLATFORM_AFTER + 800}): invalid input claims no key.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotentCall call;
    private final IdempotencyStore store;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final Duration abandonedAfter;

    public IdempotencyInterceptor(IdempotentCall call, IdempotencyStore store, CurrentUser user, ObjectMapper json,
                                  @ConfigProperty(name = "trede.idempotency.abandoned-after") Duration abandonedAfter) {
        this.call = call;
        this.store = store;
        this.user = user;
        this.json = json;
        this.abandonedAfter = abandonedAfter;
    }

    @AroundInvoke
    Object atMostOnce(InvocationContext invocation) throws Exception {
        if (!call.hasKey()) {
            return invocation.proceed();
        }
        String scope = scope();
        Claim claim = store.claim(scope, call.key(), call.requestHash(), abandonedAfter);
        if (claim instanceof Claimed claimed) {
            return carryOut(invocation, scope, claimed.token());
        }
        return answer(claim);
    }

    private Object carryOut(InvocationContext invocation, String scope, UUID token) throws Exception {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Object result = invocation.proceed();
                if (result instanceof Response response && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL
                        && !store.finish(scope, call.key(), token, response.getStatus(), location(response),
                                body(response), clientIdIn(response))) {
                    throw new ClaimTakenOver();
                }
                return result;
            });
        } catch (ClaimTakenOver e) {
            // A retry took the claim over, presuming this request dead; its answer is the one that counts.
            Claim now = store.claim(scope, call.key(), call.requestHash(), abandonedAfter);
            if (now instanceof Claimed again) {
                store.release(scope, call.key(), again.token());
            }
            return answer(now);
        } catch (RuntimeException | Error e) {
            try {
                store.release(scope, call.key(), token);
            } catch (RuntimeException releaseFailed) {
                // The database is gone (the likely reason the request failed): the claim stays until a retry takes it over.
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
    }

    private static Response answer(Claim claim) {
        if (claim instanceof Answered answered) {
            Response.ResponseBuilder replay = Response.status(answered.status()).header(REPLAYED_HEADER, "true");
            if (answered.location() != null) {
                replay.location(URI.create(answered.location()));
            }
            return answered.body() == null ? replay.build() : replay.type(MediaType.APPLICATION_JSON_TYPE).entity(answered.body()).build();
        }
        if (claim instanceof UsedForAnotherRequest) {
            throw new IdempotencyProblem.KeyReused();
        }
        // In progress; or, after a takeover, claimed anew: the retry that took over carries the request out.
        throw new IdempotencyProblem.InProgress();
    }

    /** The key's owner: the token's subject and the municipalities it acts for, hashed to a bounded length. */
    private String scope() {
        return Sha256.hex((user.id() + "\n" + String.join(",", user.municipalities())).getBytes(StandardCharsets.UTF_8));
    }

    private static String location(Response response) {
        return response.getLocation() == null ? null : response.getLocation().toString();
    }

    private String body(Response response) throws JsonProcessingException {
        return response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
    }

    /** The client the answer is about, so that erasing the client also erases the answer kept for a retry. */
    private UUID clientIdIn(Response response) {
        if (response.getEntity() == null) {
            return null;
        }
        JsonNode clientId = json.valueToTree(response.getEntity()).path("clientId");
        return clientId.isTextual() ? UUID.fromString(clientId.asText()) : null;
    }

    /** Thrown inside the write's transaction to roll it back. */
    private static final class ClaimTakenOver extends RuntimeException {
        ClaimTakenOver() {
            super(null, null, false, false);
        }
    }
}
