package nl.trede.client;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.trede.Requests;
import nl.trede.security.ProductionProfile;
import nl.trede.security.Roles;
import nl.trede.security.StandInIdentityProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A rotation of the client-reference key in progress: clients stored under the previous key are
 * found by the same reference, keep their id, and are re-keyed to the current key on that contact.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ClientReferenceRotationTest {

    private static final ClientReferenceHasher BEFORE_ROTATION =
            new ClientReferenceHasher(ProductionProfile.PREVIOUS_CLIENT_REFERENCE_KEY, Optional.empty());
    private static final ClientReferenceHasher AFTER_ROTATION =
            new ClientReferenceHasher(ProductionProfile.CLIENT_REFERENCE_KEY, Optional.empty());

    /** Injected by {@link StandInIdentityProvider}. */
    PrivateKey providerKey;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Test
    void aClientStoredUnderThePreviousKeyIsFoundBySearchAndReKeyed() {
        String reference = "BSN-" + UUID.randomUUID();
        UUID clientId = storedBeforeTheRotation(reference);

        caseSystem().contentType(ContentType.JSON).body(Map.of("municipalityCode", "GM0599", "clientReference", reference))
                .post("/api/v1/clients/search").then().statusCode(200).body("clientId", equalTo(clientId.toString()));

        assertEquals(AFTER_ROTATION.hash("GM0599", reference), storedHash(clientId));
        caseSystem().contentType(ContentType.JSON).body(Map.of("municipalityCode", "GM0599", "clientReference", reference))
                .post("/api/v1/clients/search").then().statusCode(200).body("clientId", equalTo(clientId.toString()));
    }

    @Test
    void aClientStoredUnderThePreviousKeyKeepsItsIdAtTheNextIntake() {
        Map<String, Object> intake = Requests.intake();
        String reference = (String) intake.get("clientReference");
        UUID clientId = storedBeforeTheRotation(reference);

        caseSystem().contentType(ContentType.JSON).body(intake).post("/api/v1/intakes")
                .then().statusCode(201).body("clientId", equalTo(clientId.toString()));

        assertEquals(AFTER_ROTATION.hash("GM0599", reference), storedHash(clientId));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Client.count("municipalityCode = ?1 and referenceHash in ?2",
                "GM0599", List.of(AFTER_ROTATION.hash("GM0599", reference), BEFORE_ROTATION.hash("GM0599", reference)))));
    }

    @Test
    void aNewClientIsStoredUnderTheCurrentKey() {
        Map<String, Object> intake = Requests.intake();
        String clientId = caseSystem().contentType(ContentType.JSON).body(intake).post("/api/v1/intakes")
                .then().statusCode(201).extract().path("clientId");

        assertEquals(AFTER_ROTATION.hash("GM0599", (String) intake.get("clientReference")), storedHash(UUID.fromString(clientId)));
    }

    private UUID storedBeforeTheRotation(String reference) {
        Requests.remember(reference);
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.municipalityCode = "GM0599";
        client.referenceHash = BEFORE_ROTATION.hash("GM0599", reference);
        client.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(client::persist);
        return client.id;
    }

    private static String storedHash(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> Client.<Client>findById(clientId).referenceHash);
    }

    private RequestSpecification caseSystem() {
        String token = StandInIdentityProvider.token(providerKey, Optional.of(issuer), Optional.of(ProductionProfile.AUDIENCE),
                Roles.CASE_SYSTEM, "GM0599");
        return RestAssured.given().auth().oauth2(token);
    }
}
