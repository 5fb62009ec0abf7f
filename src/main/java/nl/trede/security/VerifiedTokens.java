package nl.trede.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the tokens the OpenID Connect provider verified, so that a case system's next request
 * with the same token is checked by an exact match on the whole token (signature included) and its
 * expiry, instead of a second signature check and JSON parse: those were 38 % of a stateless
 * score's CPU (JFR, bench/run.sh). It is an authentication mechanism just in front of the OpenID
 * Connect one, so a recognised token also skips that mechanism's own decoding of the token (7 %).
 * Any other string, a token altered in one character included, is not found here and goes through
 * the full verification. An entry ends at the token's expiry or after
 * {@code trede.security.verified-tokens.max-age}, whichever comes first, so that a key the
 * identity provider withdraws stops counting within that time; the map holds at most
 * {@code trede.security.verified-tokens.capacity} tokens and is emptied when full, so memory is
 * bounded whatever callers send. A capacity of 0 switches it off.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    private static final String BEARER = "Bearer ";

    private record Verified(SecurityIdentity identity, long untilEpochSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxAgeSeconds;
    private final int priority;
    private final Counter hits;

    public VerifiedTokens(@ConfigProperty(name = "trede.security.verified-tokens.capacity") int capacity,
                          @ConfigProperty(name = "trede.security.verified-tokens.max-age") Duration maxAge,
                          @ConfigProperty(name = "quarkus.oidc.priority") int tokenVerifierPriority,
                          MeterRegistry metrics) {
        this.capacity = capacity;
        this.maxAgeSeconds = maxAge.toSeconds();
        this.priority = tokenVerifierPriority + 1;
        this.hits = Counter.builder("trede.verified.tokens.reused")
                .description("Requests whose bearer token matched one verified before").register(metrics);
    }

    /** Asked before the OpenID Connect mechanism, which is asked when this one answers nothing. */
    @Override
    public int getPriority() {
        return priority;
    }

    /** The identity of a bearer token verified before and still valid; nothing (the verifier's turn) otherwise. */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        Verified known = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? verified.get(authorization.substring(BEARER.length())) : null;
        if (!stillValid(known)) {
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(RoutingContext.class.getName(), context).build());
    }

    /** The OpenID Connect mechanism asks for a token; this one has nothing to add. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Whether the next request with this token will be recognised without a second verification. */
    boolean recognises(String token) {
        return stillValid(verified.get(token));
    }

    private static boolean stillValid(Verified known) {
        return known != null && nowEpochSecond() < known.untilEpochSecond();
    }

    /**
     * Last among the augmentors, after every one that may still refuse or change the identity: what
     * is remembered is the identity a request was finally let in with.
     */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    /** Runs after every successful verification: remembers the token it verified. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (capacity > 0 && credential != null && !credential.isOpaque()
                && identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            long until = Math.min(token.getExpirationTime(), nowEpochSecond() + maxAgeSeconds);
            if (verified.size() >= capacity) {
                verified.clear();
            }
            // Without the request it arrived with, which an entry must not keep alive.
            verified.putIfAbsent(credential.getToken(), new Verified(QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(RoutingContext.class.getName(), null).build(), until));
        }
        return Uni.createFrom().item(identity);
    }

    private static long nowEpochSecond() {
        return System.currentTimeMillis() / 1000;
    }
}
