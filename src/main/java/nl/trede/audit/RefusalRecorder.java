package nl.trede.audit;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.trede.audit.AuditTrail.Detail;
import nl.trede.audit.AuditTrail.Refusal;
import nl.trede.security.CurrentUser;
import nl.trede.security.Forbidden;
import nl.trede.security.NotVisible;
import nl.trede.security.SubjectLength;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Puts refused attempts on the audit record: another municipality's id (404), a municipality or
 * operation the caller may not use (403), and a genuinely signed but expired token (401). Unsigned
 * or forged tokens and requests without a token are not recorded: anyone can send those, and
 * recording them would let an outsider fill the trail. The entry is written after the act's
 * transaction has ended (see {@link AuditTrail#recordRefusal}) and before the answer is sent.
 */
public class RefusalRecorder {

    private final CurrentUser user;
    private final AuditTrail audit;
    private final String roleClaim;

    public RefusalRecorder(CurrentUser user, AuditTrail audit,
                           @ConfigProperty(name = "quarkus.oidc.roles.role-claim-path") String roleClaim) {
        this.user = user;
        this.audit = audit;
        this.roleClaim = roleClaim;
    }

    @ServerResponseFilter
    public Uni<Void> recordRefusal(SimpleResourceInfo resource, Throwable failure) {
        // Only refusals of API operations; other routes (the metrics) reach here without a resource method.
        boolean apiOperation = resource != null && resource.getMethodName() != null;
        Optional<Refusal> refusal = failure != null && apiOperation ? refusalOf(failure) : Optional.empty();
        if (refusal.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // The operation id of the OpenAPI document, which is the resource method's name.
        String operation = resource.getMethodName();
        // A filter may run on the event loop, which must not wait for the database.
        return Uni.createFrom().item(() -> {
            audit.recordRefusal(refusal.get(), operation);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private Optional<Refusal> refusalOf(Throwable failure) {
        if (failure instanceof NotVisible other) {
            return Optional.of(new Refusal(user.id(), user.roles(), Set.of(other.ownerMunicipalityCode()), other.id(),
                    Detail.OTHER_MUNICIPALITYS_RECORD));
        }
        if (failure instanceof Forbidden named) {
            // Put on the named municipality's record, when it is one; otherwise on the caller's own.
            Set<String> concerned = CurrentUser.isMunicipalityCode(named.municipalityCode())
                    ? Set.of(named.municipalityCode()) : user.municipalities();
            return Optional.of(new Refusal(user.id(), user.roles(), concerned, null, Detail.NOT_ACTING_FOR_MUNICIPALITY));
        }
        if (failure instanceof ForbiddenException) {
            return Optional.of(new Refusal(user.id(), user.roles(), user.municipalities(), null, Detail.ROLE_NOT_ALLOWED));
        }
        if (failure instanceof AuthenticationFailedException) {
            return expiredTokenClaims(failure).flatMap(this::expiredTokenRefusal);
        }
        return Optional.empty();
    }

    /**
     * The claims of a token refused only because it expired. The token library checks the
     * signature before the claims, so an expiry is reported only for a token our identity provider
     * really signed; any other failure (signature, issuer, audience) yields nothing.
     */
    private static Optional<JwtClaims> expiredTokenClaims(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                boolean onlyExpired = invalid.hasExpired()
                        && invalid.getErrorDetails().stream().allMatch(e -> e.getErrorCode() == ErrorCodes.EXPIRED);
                return onlyExpired && invalid.getJwtContext() != null
                        ? Optional.ofNullable(invalid.getJwtContext().getJwtClaims()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> expiredTokenRefusal(JwtClaims claims) {
        // The principal as MicroProfile JWT names it: upn, else preferred_username, else sub.
        Optional<String> actor = Stream.of("upn", "preferred_username", "sub").map(claims::getClaimValue)
                .filter(Objects::nonNull).map(Object::toString).findFirst();
        if (actor.isEmpty() || SubjectLength.isTooLong(actor.get())) {
            return Optional.empty();
        }
        String roles = CurrentUser.roleNames(CurrentUser.claimValues(claims.getClaimValue(roleClaim)));
        Set<String> municipalities = CurrentUser.municipalitiesIn(claims.getClaimValue(user.municipalityClaim()));
        return Optional.of(new Refusal(actor.get(), roles, municipalities, null, Detail.TOKEN_EXPIRED));
    }
}
