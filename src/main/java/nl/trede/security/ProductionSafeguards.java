package nl.trede.security;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start under the {@code production} profile with a setting that is safe only for the
 * embedded demo. Every such setting is named at once, so that one failed start shows them all.
 */
@Startup
@Singleton
class ProductionSafeguards {

    static final String PRODUCTION_PROFILE = "production";
    /** The value with which Quarkus OIDC skips a check; never acceptable in production. */
    private static final String ANY = "any";

    /** The settings the safeguards look at. */
    record Settings(boolean demoAccountsEnabled, Optional<String> tokenIssuer, Optional<List<String>> tokenAudience,
                    String clientReferenceKey, String demoClientReferenceKey) {
    }

    ProductionSafeguards(@ConfigProperty(name = "trede.demo-accounts.enabled") boolean demoAccountsEnabled,
                         @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> tokenIssuer,
                         @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<List<String>> tokenAudience,
                         @ConfigProperty(name = "trede.client-reference.key") String clientReferenceKey,
                         @ConfigProperty(name = "trede.client-reference.demo-key") String demoClientReferenceKey) {
        refuseUnsafeProduction(new Settings(demoAccountsEnabled, tokenIssuer, tokenAudience, clientReferenceKey,
                demoClientReferenceKey), ConfigUtils.getProfiles());
    }

    /** Stops the start under the production profile if any setting is unsafe there. */
    static void refuseUnsafeProduction(Settings settings, List<String> activeProfiles) {
        if (!activeProfiles.contains(PRODUCTION_PROFILE)) {
            return;
        }
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start under the production profile: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.demoAccountsEnabled()) {
            problems.add("demo accounts are enabled (TREDE_DEMO_ACCOUNTS_ENABLED must be false)");
        }
        if (settings.tokenIssuer().filter(issuer -> !issuer.isBlank() && !issuer.equals(ANY)).isEmpty()) {
            problems.add("QUARKUS_OIDC_TOKEN_ISSUER must name the identity provider's issuer (the iss of its tokens), not 'any'");
        }
        if (settings.tokenAudience().filter(audience -> !audience.isEmpty() && !audience.contains(ANY)).isEmpty()) {
            problems.add("QUARKUS_OIDC_TOKEN_AUDIENCE must name the audience (aud) the identity provider gives tokens for Trede, not 'any'");
        }
        if (settings.clientReferenceKey().equals(settings.demoClientReferenceKey())) {
            problems.add("TREDE_CLIENT_REFERENCE_KEY must be set: the demo key is committed to the repository, "
                    + "so client references hashed with it can be re-identified");
        }
        return problems;
    }
}
