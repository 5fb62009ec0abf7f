package nl.trede.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import nl.trede.api.InvalidInputException;
import nl.trede.api.NotFound;
import nl.trede.api.ProblemCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * DEMO ONLY. Without an identity provider, the embedded service issues tokens to a few fixed demo
 * accounts, signed with a committed (so public, so worthless) key. Disabled — and refused at
 * start-up by {@link ProductionSafeguards} if enabled anyway — under the {@code production} profile,
 * where tokens come from the municipality's OpenID Connect provider.
 */
@Path("/")
@ApplicationScoped
@Tag(name = "demo", description = "Demo accounts of the embedded installation; absent in production")
@Produces(MediaType.APPLICATION_JSON)
public class DemoAccounts {

    /** A demo account: what it is called, its role and the municipalities it acts for. */
    @Schema(name = "DemoAccount")
    public record Account(String account, String description, String role, List<String> municipalities) {
    }

    @Schema(name = "DemoTokenRequest")
    public record TokenRequest(@NotBlank(message = "is required") @Schema(example = "klantmanager-rotterdam", required = true) String account) {
    }

    @Schema(name = "DemoToken")
    public record Token(String accessToken, String tokenType, long expiresIn, Account account) {
    }

    public record AccountList(List<Account> items) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("klantmanager-rotterdam", "Demo: klantmanager, gemeente Rotterdam", Roles.KLANTMANAGER, List.of("GM0599")),
            new Account("klantmanager-hoeksche-waard", "Demo: klantmanager, gemeente Hoeksche Waard", Roles.KLANTMANAGER, List.of("GM1963")),
            new Account("case-system-rotterdam", "Demo: case system of gemeente Rotterdam", Roles.CASE_SYSTEM, List.of("GM0599")),
            new Account("data-scientist-rotterdam", "Demo: data scientist, gemeente Rotterdam", Roles.DATA_SCIENTIST, List.of("GM0599")),
            new Account("auditor-rotterdam", "Demo: auditor, gemeente Rotterdam", Roles.AUDITOR, List.of("GM0599")),
            new Account("admin-rotterdam", "Demo: functional administrator, gemeente Rotterdam", Roles.ADMIN, List.of("GM0599")),
            new Account("fairness-auditor-rotterdam", "Demo: fairness auditor, gemeente Rotterdam", Roles.FAIRNESS_AUDITOR,
                    List.of("GM0599")),
            new Account("teamleider-rotterdam", "Demo: team lead (teamleider), gemeente Rotterdam", Roles.TEAM_LEAD, List.of("GM0599")),
            new Account("operator", "Demo: operator of this installation (metrics; no client data, no municipality)",
                    Roles.OPERATOR, List.of()));

    private final boolean enabled;
    private final long lifespanSeconds;

    public DemoAccounts(@ConfigProperty(name = "trede.demo-accounts.enabled") boolean enabled,
                        @ConfigProperty(name = "smallrye.jwt.new-token.lifespan") long lifespanSeconds) {
        this.enabled = enabled;
        this.lifespanSeconds = lifespanSeconds;
    }

    @GET
    @Path("demo-accounts")
    @PermitAll
    @Operation(summary = "Demo accounts (embedded installation only)",
            description = "The fixed demo accounts of an installation without an identity provider. 404 in production.")
    @APIResponse(responseCode = "200", description = "The demo accounts")
    public AccountList accounts() {
        requireEnabled();
        return new AccountList(ACCOUNTS);
    }

    @POST
    @Path("demo-tokens")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A bearer token for a demo account (embedded installation only)",
            description = "For trying the API and the klantmanager page without an identity provider. 404 in production, "
                    + "where tokens come from the municipality's OpenID Connect provider.")
    @APIResponse(responseCode = "200", description = "The token")
    public Token token(@Valid @NotNull(message = "a JSON object naming the account is required") TokenRequest request) {
        requireEnabled();
        Account account = ACCOUNTS.stream().filter(a -> a.account().equals(request.account())).findFirst()
                .orElseThrow(() -> new InvalidInputException("account", ProblemCode.INVALID_VALUE, "unknown demo account; see GET /api/v1/demo-accounts"));
        String token = Jwt.subject(account.account())
                .upn(account.account())
                .groups(Set.of(account.role()))
                .claim("municipalities", account.municipalities())
                .expiresIn(lifespanSeconds)
                .sign();
        return new Token(token, "Bearer", lifespanSeconds, account);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFound("Demo accounts (disabled in this installation)");
        }
    }
}
