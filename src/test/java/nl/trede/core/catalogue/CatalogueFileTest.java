package nl.trede.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The catalogue is versioned data: its file is read strictly, and a catalogue without NONE or with a code twice is refused. */
class CatalogueFileTest {

    private static final String NONE = """
            {"code": "NONE", "dutchName": "geen interventie", "englishName": "no intervention", "costEuros": 0,
             "durationMonths": 0, "evidenceLevel": "STRONG_INDICATIONS", "eligibility": "EVERYONE",
             "priorEffect12": 0, "priorEffect24": 0, "priorSource": "baseline by definition"}""";

    private static Catalogue read(String interventions) throws IOException {
        return Catalogue.read(("{\"version\": \"catalogue-test\", \"about\": \"test\", \"interventions\": [" + interventions + "]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theStartingCatalogueIsReadFromItsFile() throws IOException {
        assertEquals("catalogue-1", Catalogue.STARTING.version());
        assertEquals(11, Catalogue.STARTING.interventions().size());
        Intervention wageSubsidy = Catalogue.STARTING.find("WAGE_SUBSIDY").orElseThrow();
        assertEquals(8000, wageSubsidy.costEuros());
        assertEquals(EvidenceLevel.GOOD_INDICATIONS, wageSubsidy.evidenceLevel());
        assertEquals(4.0, wageSubsidy.priorEffect12());
        assertEquals(Eligibility.PROBLEMATIC_DEBTS, Catalogue.STARTING.find("DEBT_COUNSELLING").orElseThrow().eligibility());
        assertEquals(1, read(NONE).interventions().size());
    }

    @Test
    void aFileWithAMisspeltOrMissingFieldIsRefused() {
        assertThrows(MismatchedInputException.class, () -> read(NONE.replace("\"costEuros\"", "\"costEuro\"")));
        assertThrows(MismatchedInputException.class, () -> read(NONE.replace("\"durationMonths\": 0,", "")));
    }

    @Test
    void aCatalogueWithoutNoneOrWithACodeTwiceIsRefused() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> read(NONE + "," + NONE));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        IllegalArgumentException noNone = assertThrows(IllegalArgumentException.class, () -> read(NONE.replace("\"NONE\"", "\"X\"")));
        assertTrue(noNone.getMessage().contains("has no NONE"), noNone.getMessage());
    }
}
