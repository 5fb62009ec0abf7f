package nl.trede.security;

import static nl.trede.Requests.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.trede.Caller;
import org.junit.jupiter.api.Test;

/** Tokens as identity providers issue them: long subjects, many groups; none may break a call. */
@QuarkusTest
class RealisticTokenTest {

    /** A municipality of this class's own, so that its auditor sees only the first test's entries. */
    private static final String MUNICIPALITY = "GM9401";

    private static RequestSpecification withToken(String subject, Set<String> groups) {
        return withToken(subject, groups, MUNICIPALITY);
    }

    private static RequestSpecification withToken(String subject, Set<String> groups, String municipality) {
        // Only a subject (no upn), so that the subject is what names the caller.
        String token = Jwt.subject(subject).groups(groups).claim("municipalities", List.of(municipality))
                .expiresIn(3600).sign();
        return RestAssured.given().auth().oauth2(token);
    }

    @Test
    void aKlantmanagerWithFiveTeamPathsAndALongSubjectWorksAndIsRecordedInFull() {
        // 150 characters, as a provider's pairwise or federated subject can be.
        String subject = "f:7c0a2b14-3d5e-4f60-8a71-92b3c4d5e6f7:" + "klantmanager.van.de.afdeling.werk.en.inkomen".repeat(3)
                .substring(0, 111);
        assertEquals(150, subject.length());
        Set<String> groups = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "/gemeente-rotterdam/sociaal-domein/werk-en-inkomen/team-%02d".formatted(i))
                .collect(Collectors.toSet());
        groups.add(Roles.KLANTMANAGER);
        Caller auditor = Caller.of(Roles.AUDITOR, MUNICIPALITY);

        Map<String, Object> body = intake();
        body.put("municipalityCode", MUNICIPALITY);
        String intakeId = withToken(subject, groups).contentType(ContentType.JSON).body(body).post("/api/v1/intakes")
                .then().statusCode(201).extract().path("id");
        withToken(subject, groups).get("/api/v1/intakes/" + intakeId + "/recommendations").then().statusCode(200);
        withToken(subject, groups).contentType(ContentType.JSON)
                .body(Map.of("interventionCodes", List.of("NONE"), "klantmanagerId", "km-0412", "reasonCode", "OTHER"))
                .post("/api/v1/intakes/" + intakeId + "/decisions").then().statusCode(201);

        JsonPath trail = auditor.given().get("/api/v1/audit-trail").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = trail.getList("items");
        assertEquals(List.of("intake", "recommendation", "decision"), entries.stream().map(e -> e.get("resourceType")).toList());
        entries.forEach(e -> {
            assertEquals(subject, e.get("actor"), "the full subject");
            assertEquals(Roles.KLANTMANAGER, e.get("roles"), "Trede's role only, not the team paths");
        });
        auditor.given().get("/api/v1/audit-trail/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aSubjectOfAThousandCharactersIsStoredAndOneLongerIsRefusedWith401() {
        String longest = "s".repeat(SubjectLength.MAX);
        Map<String, Object> body = intake();
        body.put("municipalityCode", "GM9402");
        withToken(longest, Set.of(Roles.KLANTMANAGER), "GM9402").contentType(ContentType.JSON).body(body).post("/api/v1/intakes")
                .then().statusCode(201);
        withToken(longest + "s", Set.of(Roles.KLANTMANAGER), "GM9402").contentType(ContentType.JSON).body(body).post("/api/v1/intakes")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        withToken(longest + "s", Set.of(Roles.KLANTMANAGER), "GM9402").get("/api/v1/interventions").then().statusCode(401);
    }

    @Test
    void valuesInTheMunicipalityClaimThatAreNoMunicipalityCodeBreakNothing() {
        List<String> claim = List.of("GM9403", "/gemeente-rotterdam/sociaal-domein/team-01", "");
        String klantmanager = Jwt.subject("km-9403").groups(Set.of(Roles.KLANTMANAGER)).claim("municipalities", claim)
                .expiresIn(3600).sign();
        String auditor = Jwt.subject("auditor-9403").groups(Set.of(Roles.AUDITOR)).claim("municipalities", claim)
                .expiresIn(3600).sign();
        Map<String, Object> body = intake();
        body.put("municipalityCode", "GM9403");
        RestAssured.given().auth().oauth2(klantmanager).contentType(ContentType.JSON).body(body).post("/api/v1/intakes")
                .then().statusCode(201);
        RestAssured.given().auth().oauth2(auditor).get("/api/v1/audit-trail").then().statusCode(200);
        RestAssured.given().auth().oauth2(auditor).get("/api/v1/audit-trail/verification").then().statusCode(200);
        JsonPath trail = Caller.of(Roles.AUDITOR, "GM9403").given().get("/api/v1/audit-trail").then().extract().jsonPath();
        assertEquals(List.of("CREATE", "READ", "VERIFY"), trail.getList("items.action"));
    }
}
