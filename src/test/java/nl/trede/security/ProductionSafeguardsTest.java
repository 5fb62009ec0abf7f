package nl.trede.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import nl.trede.security.ProductionSafeguards.Settings;
import org.junit.jupiter.api.Test;

class ProductionSafeguardsTest {

    private static final String DEMO_KEY = "a-demo-key-that-is-committed-to-the-repository";
    private static final Settings SAFE = new Settings(false, Optional.of("https://login.gemeente.nl/realms/sociaal-domein"),
            Optional.of(List.of("trede")), "a-secret-key-from-the-environment-of-40-bytes", DEMO_KEY);
    private static final List<String> PRODUCTION = List.of("production");

    @Test
    void productionStartsWithIssuerAudienceAndItsOwnClientReferenceKey() {
        assertDoesNotThrow(() -> ProductionSafeguards.refuseUnsafeProduction(SAFE, PRODUCTION));
    }

    @Test
    void theServiceRefusesToStartWithDemoAccountsUnderTheProductionProfile() {
        Settings demoAccounts = new Settings(true, SAFE.tokenIssuer(), SAFE.tokenAudience(), SAFE.clientReferenceKey(), DEMO_KEY);
        assertRefused(demoAccounts, "demo accounts are enabled");
        assertDoesNotThrow(() -> ProductionSafeguards.refuseUnsafeProduction(demoAccounts, List.of("prod")));
    }

    @Test
    void productionRefusesToStartWithoutAnIssuerToCheck() {
        for (Optional<String> issuer : List.of(Optional.<String>empty(), Optional.of("any"), Optional.of(" "))) {
            assertRefused(new Settings(false, issuer, SAFE.tokenAudience(), SAFE.clientReferenceKey(), DEMO_KEY),
                    "QUARKUS_OIDC_TOKEN_ISSUER");
        }
    }

    @Test
    void productionRefusesToStartWithoutAnAudienceToCheck() {
        for (Optional<List<String>> audience : List.of(Optional.<List<String>>empty(), Optional.of(List.of("any")),
                Optional.of(List.of("trede", "any")), Optional.of(List.<String>of()))) {
            assertRefused(new Settings(false, SAFE.tokenIssuer(), audience, SAFE.clientReferenceKey(), DEMO_KEY),
                    "QUARKUS_OIDC_TOKEN_AUDIENCE");
        }
    }

    @Test
    void productionRefusesToStartWithTheDemoClientReferenceKey() {
        assertRefused(new Settings(false, SAFE.tokenIssuer(), SAFE.tokenAudience(), DEMO_KEY, DEMO_KEY),
                "TREDE_CLIENT_REFERENCE_KEY");
    }

    @Test
    void theEmbeddedDemoStartsWithItsDemoSettings() {
        Settings demo = new Settings(true, Optional.of("https://trede.invalid/demo"), Optional.empty(), DEMO_KEY, DEMO_KEY);
        assertDoesNotThrow(() -> ProductionSafeguards.refuseUnsafeProduction(demo, List.of()));
        assertDoesNotThrow(() -> ProductionSafeguards.refuseUnsafeProduction(demo, List.of("test")));
    }

    @Test
    void oneRefusalNamesEveryUnsafeSetting() {
        Settings unsafe = new Settings(true, Optional.of("any"), Optional.empty(), DEMO_KEY, DEMO_KEY);
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> ProductionSafeguards.refuseUnsafeProduction(unsafe, List.of("production", "test")));
        for (String setting : List.of("demo accounts", "QUARKUS_OIDC_TOKEN_ISSUER", "QUARKUS_OIDC_TOKEN_AUDIENCE",
                "TREDE_CLIENT_REFERENCE_KEY")) {
            assertTrue(refusal.getMessage().contains(setting), setting);
        }
    }

    private static void assertRefused(Settings settings, String naming) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> ProductionSafeguards.refuseUnsafeProduction(settings, PRODUCTION));
        assertTrue(refusal.getMessage().startsWith("Refusing to start under the production profile: "), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(naming), refusal.getMessage());
        assertEquals(1, ProductionSafeguards.problems(settings).size(), refusal.getMessage());
    }
}
