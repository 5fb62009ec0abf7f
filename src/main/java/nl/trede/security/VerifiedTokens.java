package nl.trede.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the tokens the OpenID Connect provider verified, so that a case system's next request
 * with the same token is checked by an exact match on the whole token (signature included) and its
 * expiry, instead of a second signature check and JSON parse: those were 38 % of a stateless
 * score's CPU (JFR, bench/run.sh). Any other string, a token altered in one character included,
 * is not found here and goes through the full verification. An entry ends at the token's expiry or
 * after {@code trede.security.verified-tokens.max-age}, whichever comes first, so that a key the
 * identity provider withdraws stops counting within that time; the map holds at most
 * {@code trede.security.verified-tokens.capacity} tokens and is emptied when full, so memory is
 * bounded whatever callers send. A capacity of 0 switches it off.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /**
     * Before the OpenID Connect provider, which is tried when this one answers nothing. That provider
     * itself sits at SYSTEM_FIRST + 1 (quarkus-oidc 3.33); an equal priority left the order to bean
     * discovery, and in most starts the cache was never asked (VerifiedTokensTest).
     */
    static final int BEFORE_THE_TOKEN_VERIFIER = SYSTEM_FIRST + 100;

    private record Verified(SecurityIdentity identity, long untilEpochSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxAgeSeconds;
    private final Counter hits;

    public VerifiedTokens(@ConfigProperty(name = "trede.security.verified-tokens.capacity") int capacity,
                          @ConfigProperty(name = "trede.security.verified-tokens.max-age") Duration maxAge,
                          MeterRegistry metrics) {
        this.capacity = capacity;
        this.maxAgeSeconds = maxAge.toSeconds();
        this.hits = Counter.builder("trede.verified.tokens.reused")
                .description("Requests whose bearer token matched one verified before").register(metrics);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return BEFORE_THE_TOKEN_VERIFIER;
    }

    /** The identity of a token verified before and still valid; nothing (the verifier's turn) otherwise. */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Verified known = verified.get(request.getToken().getToken());
        if (!stillValid(known)) {
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(RoutingContext.class.getName(), current).build());
    }

    /** Whether the next request with this token will be recognised without a second verification. */
    boolean recognises(String token) {
        return stillValid(verified.get(token));
    }

    private static boolean stillValid(Verified known) {
        return known != null && nowEpochSecond() < known.untilEpochSecond();
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
