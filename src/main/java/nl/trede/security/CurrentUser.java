package nl.trede.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.trede.api.NotFound;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, in which role, for which municipalities — all from the verified token, never
 * from the request body. Tenancy is enforced here: another municipality's records are answered
 * exactly as records that do not exist.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final String municipalityClaim;

    public CurrentUser(SecurityIdentity identity,
                       @ConfigProperty(name = "trede.security.municipality-claim") String municipalityClaim) {
        this.identity = identity;
        this.municipalityClaim = municipalityClaim;
    }

    /** The subject of the token: an account id, never a name. */
    public String id() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's roles, sorted, comma-separated, for the audit trail. */
    public String roles() {
        return String.join(",", new TreeSet<>(identity.getRoles()));
    }

    public Set<String> municipalities() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object claim = token.getClaim(municipalityClaim);
        if (claim instanceof Collection<?> values) {
            return new TreeSet<>(values.stream().map(v -> v.toString().replace("\"", "")).toList());
        }
        return claim == null ? Set.of() : new TreeSet<>(List.of(claim.toString().replace("\"", "").split("[ ,]+")));
    }

    public boolean mayAccess(String municipalityCode) {
        return municipalities().contains(municipalityCode);
    }

    /** For records found by id: another municipality's record does not exist for this caller. */
    public void requireVisible(String municipalityCode, String what) {
        if (!mayAccess(municipalityCode)) {
            throw new NotFound(what);
        }
    }

    /** For a municipality named in a request: the caller must act for it. */
    public void requireActingFor(String municipalityCode) {
        if (!mayAccess(municipalityCode)) {
            throw new Forbidden("Your account does not act for municipality " + municipalityCode);
        }
    }
}
