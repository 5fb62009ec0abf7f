package nl.trede.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientReferenceHasherTest {

    private static final String OLD_KEY = "the-key-before-the-rotation-0123456789";
    private static final String NEW_KEY = "the-key-after-the-rotation-9876543210";

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> new ClientReferenceHasher("31-bytes-is-one-byte-too-short!", Optional.empty()));
        assertTrue(refusal.getMessage().contains("TREDE_CLIENT_REFERENCE_KEY holds a key of 31 bytes"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains("31-bytes-is"), "the key itself is never in a message");
        assertThrows(IllegalStateException.class, () -> new ClientReferenceHasher(NEW_KEY, Optional.of(List.of("short"))));
    }

    @Test
    void theRingHashesUnderTheCurrentKeyFirstThenThePreviousOnes() {
        ClientReferenceHasher before = new ClientReferenceHasher(OLD_KEY, Optional.empty());
        ClientReferenceHasher after = new ClientReferenceHasher(NEW_KEY, Optional.of(List.of(OLD_KEY)));
        String oldHash = before.hash("GM0599", "123456782");
        String newHash = after.hash("GM0599", "123456782");

        assertNotEquals(oldHash, newHash);
        assertEquals(List.of(newHash, oldHash), after.hashesUnderAllKeys("GM0599", "123456782"));
        assertEquals(List.of(oldHash), before.hashesUnderAllKeys("GM0599", "123456782"));
        assertNotEquals(newHash, after.hash("GM1963", "123456782"), "another municipality hashes differently");
    }
}
