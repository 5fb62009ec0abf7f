package nl.trede.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The {@code production} profile as an operator configures it, against the stand-in identity
 * provider: issuer and audience checked, a client-reference key of its own and one previous key
 * (a rotation in progress). The {@code test} profile comes last, so the test database still applies.
 */
public class ProductionProfile implements QuarkusTestProfile {

    /** The audience the identity provider gives tokens meant for Trede. */
    public static final String AUDIENCE = "trede";
    public static final String CLIENT_REFERENCE_KEY = "production-client-reference-key-after-rotation";
    public static final String PREVIOUS_CLIENT_REFERENCE_KEY = "production-client-reference-key-before-rotation";

    @Override
    public String getConfigProfile() {
        return "production,test";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.client-id", "trede",
                "quarkus.oidc.token.issuer", "${quarkus.oidc.auth-server-url}",
                "quarkus.oidc.token.audience", AUDIENCE,
                "trede.client-reference.key", CLIENT_REFERENCE_KEY,
                "trede.client-reference.previous-keys", PREVIOUS_CLIENT_REFERENCE_KEY,
                // Tokens the tests sign carry exactly the issuer a test gives them, not the demo issuer.
                "smallrye.jwt.new-token.issuer", "");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInIdentityProvider.class));
    }
}
