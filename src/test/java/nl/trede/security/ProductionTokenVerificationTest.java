package nl.trede.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Under the production profile a token counts only if the configured issuer issued it for Trede. */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ProductionTokenVerificationTest {

    private static final Optional<String> TREDE = Optional.of(ProductionProfile.AUDIENCE);

    /** Injected by {@link StandInIdentityProvider}. */
    PrivateKey providerKey;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Test
    void aTokenTheProviderIssuedForTredeIsAccepted() {
        assertEquals(200, statusWith(token(Optional.of(issuer), TREDE)));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedThoughSignedWithTheProvidersKey() {
        assertEquals(401, statusWith(token(Optional.of("https://login.other-municipality.example/realms/sociaal-domein"), TREDE)));
    }

    @Test
    void aTokenWithoutIssuerIsRefused() {
        String token = token(Optional.empty(), TREDE);
        assertNull(claims(token).getString("iss"));
        assertEquals(401, statusWith(token));
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        assertEquals(401, statusWith(token(Optional.of(issuer), Optional.of("another-client"))));
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        String token = token(Optional.of(issuer), Optional.empty());
        assertNull(claims(token).get("aud"));
        assertEquals(401, statusWith(token));
    }

    @Test
    void theDemoAccountsAreGoneAndTheirKeyIsNotTrusted() {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("account", "klantmanager-rotterdam"))
                .post("/api/v1/demo-tokens").then().statusCode(404);
        String signedWithTheDemoKey = Jwt.issuer(issuer).audience(ProductionProfile.AUDIENCE).subject("klantmanager-rotterdam")
                .groups(Set.of(Roles.KLANTMANAGER)).claim("municipalities", List.of("GM0599")).expiresIn(300)
                .jws().keyId(StandInIdentityProvider.KEY_ID).sign();
        assertEquals(401, statusWith(signedWithTheDemoKey));
    }

    private String token(Optional<String> tokenIssuer, Optional<String> audience) {
        return StandInIdentityProvider.token(providerKey, tokenIssuer, audience, Roles.KLANTMANAGER, "GM0599");
    }

    private static int statusWith(String token) {
        return RestAssured.given().auth().oauth2(token).get("/api/v1/interventions").statusCode();
    }

    private static JsonPath claims(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
