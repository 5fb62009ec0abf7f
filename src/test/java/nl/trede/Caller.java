package nl.trede;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A caller with its own token, for tests that need a municipality of their own (so that counts
 * are not disturbed by other tests). The token is signed like the demo tokens, in-process.
 */
public record Caller(String account, String role, String municipality, String token) {

    public static Caller klantmanagerOf(String municipality) {
        return of("klantmanager", municipality);
    }

    public static Caller of(String role, String municipality) {
        String account = "test-" + role + "-" + municipality.toLowerCase();
        String token = Jwt.subject(account).upn(account).groups(Set.of(role))
                .claim("municipalities", List.of(municipality)).expiresIn(3600).sign();
        return new Caller(account, role, municipality, token);
    }

    public RequestSpecification given() {
        return RestAssured.given().auth().oauth2(token);
    }

    public ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Posts an intake in this caller's municipality and returns its id. */
    public String createIntake(Map<String, Object> body) {
        body.put("municipalityCode", municipality);
        return post("/api/v1/intakes", body).statusCode(201).extract().path("id");
    }

    /** The session the pages keep in sessionStorage, as JSON, to sign a browser in as this caller. */
    public String browserSession() {
        return "{\"token\":\"" + token + "\",\"expiresAt\":" + (System.currentTimeMillis() + 3_600_000)
                + ",\"account\":\"" + account + "\",\"role\":\"" + role + "\",\"municipalities\":[\"" + municipality + "\"]}";
    }
}
