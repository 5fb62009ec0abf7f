package nl.trede;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole test suite (failsafe, in {@code verify}) and reads its log: no client
 * reference the tests sent, and no profile field printed with a value, may appear in it.
 */
class LogPrivacyIT {

    private static final Path LOG = Path.of("target", "test-run.log");

    @Test
    void theTestRunsLogHoldsNoPersonalData() throws Exception {
        assertTrue(Files.exists(LOG) && Files.exists(Requests.SENT_PERSONAL_DATA),
                "run the suite first (./mvnw verify): it writes " + LOG + " and " + Requests.SENT_PERSONAL_DATA);
        String log = Files.readString(LOG);
        List<String> sent = Files.readAllLines(Requests.SENT_PERSONAL_DATA).stream().filter(s -> !s.isBlank()).toList();
        assertTrue(sent.size() > 50, "the suite sent too few references to make this scan meaningful: " + sent.size());
        assertTrue(log.contains("Installed features"), "the log is a Quarkus test run's");
        for (String value : sent) {
            assertFalse(log.contains(value), "a client reference the tests sent appears in the log");
        }
        for (ProfileField field : ProfileField.values()) {
            Pattern printedWithValue = Pattern.compile("\"?" + field.fieldName() + "\"?\\s*[=:]\\s*\"?[A-Za-z0-9.]");
            assertFalse(printedWithValue.matcher(log).find(), "the log prints the profile field " + field.fieldName());
        }
    }
}
