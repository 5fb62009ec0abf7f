package nl.trede.core.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of the code base, in lower-case hex: model artefacts and cards, the data an
 * effect model was fitted on, the audit chain's links and the idempotency fingerprints.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The hash of the parts one after the other, as if they were one array. */
    public static String hex(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String hex(Path file) throws IOException {
        return hex(Files.readAllBytes(file));
    }
}
