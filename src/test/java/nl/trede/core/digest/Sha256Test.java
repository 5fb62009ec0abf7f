package nl.trede.core.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theStandardTestVectorAndPartsHashAsTheirConcatenation() {
        // FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex(utf8("abc")));
        assertEquals(Sha256.hex(utf8("abc")), Sha256.hex(utf8("a"), utf8("bc")));
    }
}
