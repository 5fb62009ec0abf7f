package nl.trede.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.trede.Caller;
import nl.trede.Requests;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is recognised on the next request, but only as exactly that token, only
 * for its own holder, and only until it expires.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Test
    void aTokenSeenBeforeIsRecognisedWithoutASecondVerification() {
        String token = caseSystemToken(3600);
        assertEquals(200, scoreWith(token));
        double before = reused();
        assertEquals(200, scoreWith(token));
        assertEquals(200, scoreWith(token));
        assertEquals(before + 2, reused());
    }

    @Test
    void aVerifiedTokenAlteredInItsSignatureIsRefused() {
        String token = caseSystemToken(3600);
        assertEquals(200, scoreWith(token));
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertEquals(401, scoreWith(altered));
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

    /** The operator's count of requests whose token was recognised, from /q/metrics, read with a token of its own. */
    private static double reused() {
        String operator = Jwt.subject("operator").upn("operator").groups(Set.of(Roles.OPERATOR)).expiresIn(60).sign();
        String metrics = RestAssured.given().auth().oauth2(operator).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("trede_verified_tokens_reused_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
