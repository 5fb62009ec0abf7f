package nl.trede.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HMAC-SHA256 of a client reference under a secret key from configuration. A plain hash of a BSN
 * could be reversed by hashing all nine-digit numbers; a keyed hash cannot without the key.
 */
@ApplicationScoped
public class ClientReferenceHasher {

    private final SecretKeySpec key;

    public ClientReferenceHasher(@ConfigProperty(name = "trede.client-reference.key") String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The hash of a reference within a municipality; the same reference elsewhere hashes differently. */
    public String hash(String municipalityCode, String clientReference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((municipalityCode + ":" + clientReference.strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
