package nl.trede.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.trede.Caller;
import nl.trede.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is recognised on the next request, but only as exactly that token, only
 * for its own holder, and only until it expires.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    @Any
    Instance<HttpAuthenticationMechanism> mechanisms;

    @Inject
    MeterRegistry metrics;

    private Counter reused;

    @BeforeEach
    void findTheReuseCounter() {
        // The counter the cache registers when first used, or, before that, the one it will find.
        reused = metrics.counter("trede.verified.tokens.reused");
    }

    @Test
    void aTokenSeenBeforeIsRecognisedWithoutASecondVerification() {
        String token = caseSystemToken(3600);
        assertFalse(verifiedTokens.recognises(token));
        assertEquals(200, scoreWith(token));
        assertTrue(verifiedTokens.recognises(token));
        assertEquals(200, scoreWith(token));
    }

    @Test
    void theNextRequestWithAVerifiedTokenIsAnsweredFromTheCache() {
        String token = caseSystemToken(3600);
        assertEquals(200, scoreWith(token));
        double before = reused.count();
        assertEquals(200, scoreWith(token));
        assertEquals(200, scoreWith(token));
        assertEquals(before + 2, reused.count(), "both later requests skip the second signature check");
    }

    @Test
    void theCacheIsAskedBeforeTheOpenIdConnectMechanism() {
        List<HttpAuthenticationMechanism> others = mechanisms.stream()
                .filter(mechanism -> !(mechanism instanceof VerifiedTokens)).toList();
        assertFalse(others.isEmpty(), "the OpenID Connect mechanism is among the mechanisms");
        for (HttpAuthenticationMechanism other : others) {
            assertTrue(verifiedTokens.getPriority() > other.getPriority(), other + " would be asked first or in random order");
        }
    }

    @Test
    void aTokenRefusedAfterItsVerificationIsNeverRemembered() {
        String subject = "x".repeat(SubjectLength.MAX + 1);
        String token = Jwt.subject(subject).upn(subject).groups(Set.of(Roles.CASE_SYSTEM))
                .claim("municipalities", List.of("GM0599")).expiresIn(3600).sign();
        assertEquals(401, scoreWith(token));
        assertFalse(verifiedTokens.recognises(token));
        assertEquals(401, scoreWith(token));
    }

    @Test
    void aVerifiedTokenAlteredInItsSignatureIsRefused() {
        String token = caseSystemToken(3600);
        assertEquals(200, scoreWith(token));
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertEquals(401, scoreWith(altered));
        assertFalse(verifiedTokens.recognises(altered));
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        String token = caseSystemToken(2);
        assertEquals(200, scoreWith(token));
        Thread.sleep(3_000);
        assertEquals(401, scoreWith(token));
    }

    @Test
    void eachRecognisedTokenKeepsItsOwnMunicipality() {
        Caller delft = Caller.klantmanagerOf("GM0503");
        Caller leiden = Caller.klantmanagerOf("GM0546");
        String intake = delft.createIntake(Requests.intake());
        for (int i = 0; i < 3; i++) {
            delft.given().get("/api/v1/intakes/" + intake).then().statusCode(200);
            leiden.given().get("/api/v1/intakes/" + intake).then().statusCode(404);
        }
    }

    private static String caseSystemToken(long lifetimeSeconds) {
        return Jwt.subject("case-system-rotterdam").upn("case-system-rotterdam").groups(Set.of(Roles.CASE_SYSTEM))
                .claim("municipalities", List.of("GM0599")).expiresIn(lifetimeSeconds).sign();
    }

    private static int scoreWith(String token) {
        Map<String, Object> profile = Requests.intake();
        profile.remove("clientReference");
        profile.remove("municipalityCode");
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(profile)
                .post("/api/v1/scores").statusCode();
    }
}
