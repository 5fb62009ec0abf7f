package nl.trede.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a token whose subject is longer than any identity provider issues, instead of
 * failing later where the caller is recorded. Every shorter subject is stored in full.
 */
@ApplicationScoped
public class SubjectLength implements SecurityIdentityAugmentor {

    /** The most characters of a subject Trede stores (the audit trail's and the decision's caller columns). */
    public static final int MAX = 1000;

    public static boolean isTooLong(String subject) {
        return subject != null && subject.length() > MAX;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && (isTooLong(identity.getPrincipal().getName())
                || identity.getPrincipal() instanceof JsonWebToken token && isTooLong(token.getSubject()))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token's subject is too long"));
        }
        return Uni.createFrom().item(identity);
    }
}
