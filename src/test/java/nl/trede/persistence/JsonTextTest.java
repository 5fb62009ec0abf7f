package nl.trede.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import nl.trede.core.distance.ScoreFactor;
import org.junit.jupiter.api.Test;

/** Stored JSON reads back exactly: a property the record does not have is an error, never silently dropped. */
class JsonTextTest {

    private static final TypeReference<List<ScoreFactor>> FACTORS = new TypeReference<>() { };

    @Test
    void storedFactorsReadBackAsWritten() {
        List<ScoreFactor> factors = List.of(new ScoreFactor("age", ScoreFactor.Direction.LOWERS_CHANCE, -2.5, "Uw leeftijd (58 jaar) verlaagt de kans op werk."));
        assertEquals(factors, JsonText.read(JsonText.write(factors), FACTORS));
    }

    @Test
    void aStoredPropertyTheRecordDoesNotKnowIsAnError() {
        // A renamed component ("percentagePoints" written as "points") must not read back as 0.
        String renamed = "[{\"field\":\"age\",\"direction\":\"LOWERS_CHANCE\",\"points\":-2.5,\"explanation\":\"…\"}]";
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> JsonText.read(renamed, FACTORS));
        assertEquals("Stored JSON does not match " + FACTORS.getType(), refused.getMessage());
    }
}
