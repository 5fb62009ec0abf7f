package nl.trede.idempotency;

import java.util.List;
import java.util.regex.Pattern;
import nl.trede.api.InvalidInputException;
import nl.trede.api.ProblemCode;

/**
 * The {@code Idempotency-Key} request header. The IETF draft makes it a structured-field string
 * ({@code "8e03978e-..."}, quoted); payment APIs send it bare. Both are accepted and mean the same key.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;
    /** Visible ASCII without quote and backslash: what a structured-field string holds unescaped, and no log or header injection. */
    private static final Pattern ALLOWED = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private IdempotencyKey() {
    }

    /** The key in the header values of a request, or null without the header; invalid keys are 400. */
    static String of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid(ProblemCode.DUPLICATE, "must be sent once");
        }
        String value = values.get(0).strip();
        String key = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        if (key.isEmpty()) {
            throw invalid(ProblemCode.REQUIRED, "must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw invalid(ProblemCode.TOO_LONG, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw invalid(ProblemCode.INVALID_FORMAT, "must be visible ASCII characters without spaces, quotes or backslashes, such as a UUID");
        }
        return key;
    }

    private static InvalidInputException invalid(ProblemCode code, String reason) {
        return new InvalidInputException(HEADER, code, reason);
    }
}
