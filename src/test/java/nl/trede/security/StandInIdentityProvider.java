package nl.trede.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * A local stand-in for a municipality's OpenID Connect provider: it serves a discovery document
 * and the JWKS of an RSA key made for this test run, and injects that key's private half into
 * every test field of type {@link PrivateKey}, so that tests can sign tokens as the provider does.
 */
public class StandInIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "stand-in-signing-key";

    private HttpServer server;
    private KeyPair keys;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the stand-in identity provider cannot start", e);
        }
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/sociaal-domein";
        String jwksUri = issuer + "/protocol/openid-connect/certs";
        RsaJsonWebKey publicKey = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        publicKey.setKeyId(KEY_ID);
        publicKey.setUse("sig");
        publicKey.setAlgorithm("RS256");
        serve("/realms/sociaal-domein/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}");
        serve("/realms/sociaal-domein/protocol/openid-connect/certs", new JsonWebKeySet(publicKey).toJson());
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer);
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, (HttpExchange exchange) -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(keys.getPrivate(), new TestInjector.MatchesType(PrivateKey.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A token signed with the provider's key, with exactly the issuer and audience given (none when empty). */
    public static String token(PrivateKey signingKey, Optional<String> issuer, Optional<String> audience,
                               String role, String municipality) {
        String account = "stand-in-" + role + "-" + municipality.toLowerCase();
        JwtClaimsBuilder claims = Jwt.subject(account).upn(account).groups(Set.of(role))
                .claim("municipalities", List.of(municipality)).expiresIn(300);
        issuer.ifPresent(claims::issuer);
        audience.ifPresent(claims::audience);
        return claims.jws().keyId(KEY_ID).sign(signingKey);
    }
}
