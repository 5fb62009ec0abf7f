package nl.trede.client;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HMAC-SHA256 of a client reference under a secret key from configuration. A plain hash of a BSN
 * could be reversed by hashing all nine-digit numbers; a keyed hash cannot without the key.
 *
 * <p>A key ring: the current key hashes every new reference; previous keys (after a rotation) only
 * find clients stored before it, which are then re-keyed to the current key. The hash is one-way,
 * so a stored hash can only be re-keyed when the case system sends the reference again.
 */
@Startup
@ApplicationScoped
public class ClientReferenceHasher {

    /** 256 bits, the output size of SHA-256: a shorter HMAC key weakens the hash. */
    static final int MINIMUM_KEY_BYTES = 32;

    /** The current key first, then the previous keys in the order configured. */
    private final List<SecretKeySpec> keys;

    public ClientReferenceHasher(@ConfigProperty(name = "trede.client-reference.key") String currentKey,
                                 @ConfigProperty(name = "trede.client-reference.previous-keys") Optional<List<String>> previousKeys) {
        List<SecretKeySpec> ring = new ArrayList<>();
        ring.add(key(currentKey, "TREDE_CLIENT_REFERENCE_KEY"));
        previousKeys.orElse(List.of()).forEach(previous -> ring.add(key(previous, "TREDE_CLIENT_REFERENCE_PREVIOUS_KEYS")));
        this.keys = List.copyOf(ring);
    }

    private static SecretKeySpec key(String secret, String setting) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException(setting + " holds a key of " + bytes.length + " bytes; at least "
                    + MINIMUM_KEY_BYTES + " are required");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The hash of a reference within a municipality under the current key; elsewhere it hashes differently. */
    public String hash(String municipalityCode, String clientReference) {
        return hash(keys.get(0), municipalityCode, clientReference);
    }

    /** The hashes of a reference under every key of the ring, the current key's first. */
    public List<String> hashesUnderAllKeys(String municipalityCode, String clientReference) {
        return keys.stream().map(key -> hash(key, municipalityCode, clientReference)).toList();
    }

    private static String hash(SecretKeySpec key, String municipalityCode, String clientReference) {
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
