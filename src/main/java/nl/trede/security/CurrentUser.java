package nl.trede.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, in which role, for which municipalities — all from the verified token, never
 * from the request body. Tenancy is enforced here: another municipality's records are answered
 * exactly as records that do not exist.
 */
@RequestScoped
public class CurrentUser {

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("GM\\d{4}");

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

    /**
     * The caller's Trede roles, sorted, comma-separated, for the audit trail. A token's other
     * groups (an identity provider's team paths and the like) are left out: they mean nothing here
     * and have no bounded length.
     */
    public String roles() {
        return roleNames(identity.getRoles());
    }

    /** The Trede roles among a token's groups, sorted, comma-separated. */
    public static String roleNames(Collection<String> groups) {
        return String.join(",", new TreeSet<>(groups.stream().filter(Roles.ALL::contains).toList()));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> municipalities() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        return municipalitiesIn(token.getClaim(municipalityClaim));
    }

    /** The CBS codes in a municipality claim; anything else in it names no municipality and is left out. */
    public static Set<String> municipalitiesIn(Object claim) {
        return new TreeSet<>(claimValues(claim).stream().filter(CurrentUser::isMunicipalityCode).toList());
    }

    public static boolean isMunicipalityCode(String code) {
        return code != null && MUNICIPALITY_CODE.matcher(code).matches();
    }

    /** The name of the claim that lists the municipalities a token's holder acts for. */
    public String municipalityClaim() {
        return municipalityClaim;
    }

    /** The values of a list claim (municipalities, groups): a JSON list, or one string separated by spaces or commas. */
    public static Set<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return new TreeSet<>(values.stream().map(v -> v.toString().replace("\"", "")).toList());
        }
        return claim == null ? Set.of() : new TreeSet<>(List.of(claim.toString().replace("\"", "").split("[ ,]+")));
    }

    public boolean mayAccess(String municipalityCode) {
        return municipalities().contains(municipalityCode);
    }

    /**
     * For records found by id: another municipality's record does not exist for this caller.
     * {@code what} names the kind of record in the answer ("Intake"), {@code id} is its id.
     */
    public void requireVisible(String municipalityCode, String what, UUID id) {
        if (!mayAccess(municipalityCode)) {
            throw new NotVisible(what, id, municipalityCode);
        }
    }

    /** For a municipality named in a request: the caller must act for it. */
    public void requireActingFor(String municipalityCode) {
        if (!mayAccess(municipalityCode)) {
            throw new Forbidden("Your account does not act for municipality " + municipalityCode, municipalityCode);
        }
    }
}
