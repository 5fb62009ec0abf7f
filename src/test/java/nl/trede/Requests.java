package nl.trede;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Builds requests as a case system sends them, for tests that go through the public API. */
public final class Requests {

    /** The account most tests act as: a klantmanager of Rotterdam (GM0599). */
    public static final String KLANTMANAGER = "klantmanager-rotterdam";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Requests() {
    }

    /** A request as the Rotterdam klantmanager. */
    public static RequestSpecification given() {
        return as(KLANTMANAGER);
    }

    /** A request with a demo account's bearer token, fetched once through the public demo-token endpoint. */
    public static RequestSpecification as(String account) {
        String token = TOKENS.computeIfAbsent(account, a -> RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("account", a)).post("/api/v1/demo-tokens")
                .then().statusCode(200).extract().path("accessToken"));
        return RestAssured.given().auth().oauth2(token);
    }

    /** A request without any token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    /** Where the personal data the tests send are listed, for {@code LogPrivacyIT} to look for in the log. */
    public static final Path SENT_PERSONAL_DATA = Path.of("target", "sent-personal-data.txt");

    /** A complete, valid intake for a fresh client, with a BSN-like reference. */
    public static Map<String, Object> intake() {
        Map<String, Object> body = new HashMap<>();
        String reference = "BSN-" + UUID.randomUUID();
        remember(reference);
        body.put("clientReference", reference);
        body.put("municipalityCode", "GM0599");
        body.put("age", 34);
        body.put("educationLevel", "MBO_2_4");
        body.put("dutchLanguageLevel", "B2");
        body.put("monthsOnBenefit", 14);
        body.put("monthsSinceLastJob", 20);
        body.put("yearsWorkExperience", 6);
        body.put("healthLimitation", "NONE");
        body.put("careDuties", false);
        body.put("problematicDebts", false);
        body.put("unstableHousing", false);
        body.put("drivingLicence", true);
        body.put("motivation", 4);
        body.put("jobSearchSelfEfficacy", 3);
        body.put("expectsWork", true);
        body.put("participationRung", 3);
        body.put("labourMarketTightness", 0.9);
        return body;
    }

    /** Records a value the tests sent that must never appear in a log. */
    public static void remember(String personalValue) {
        try {
            Files.writeString(SENT_PERSONAL_DATA, personalValue + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Posts an intake and returns the response body's id. */
    public static String createIntake(Map<String, Object> body) {
        return post("/api/v1/intakes", body).statusCode(201).extract().path("id");
    }
}
