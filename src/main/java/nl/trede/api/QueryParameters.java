package nl.trede.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.trede.security.CurrentUser;

/**
 * Reads query parameters as text, so that {@code ?limit=abc} is a 400 naming the parameter; JAX-RS
 * itself answers a failed conversion of a typed query parameter with 404.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The whole number in {@code raw} within [min, max]; otherwise the problem is added to {@code invalid} and min returned. */
    public static long wholeNumber(String name, String raw, long min, long max, List<Problem.InvalidParam> invalid) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            invalid.add(new Problem.InvalidParam(name, ProblemCode.WRONG_TYPE, "must be a whole number from " + min + " to " + max));
            return min;
        }
        invalid.add(new Problem.InvalidParam(name, ProblemCode.OUT_OF_RANGE, "must be a whole number from " + min + " to " + max));
        return min;
    }

    /** Checks the required {@code municipalityCode}, a CBS code like GM0599; a problem is added to {@code invalid}. */
    public static void municipalityCode(String raw, List<Problem.InvalidParam> invalid) {
        if (raw == null) {
            invalid.add(new Problem.InvalidParam("municipalityCode", ProblemCode.REQUIRED, "is required: a CBS municipality code like GM0599"));
        } else if (!CurrentUser.isMunicipalityCode(raw)) {
            invalid.add(new Problem.InvalidParam("municipalityCode", ProblemCode.INVALID_FORMAT, "must be a CBS municipality code like GM0599"));
        }
    }

    /**
     * The moment in the {@code at} query parameter (RFC 3339), now when it is absent: for "what was in
     * force then". A moment in the future is refused, because what will be in force is not known.
     */
    public static Instant pastMoment(String at) {
        Instant moment;
        try {
            moment = at == null ? Instant.now() : Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at", ProblemCode.INVALID_FORMAT, "must be a moment in RFC 3339 form, like 2026-06-01T10:00:00Z");
        }
        if (moment.isAfter(Instant.now())) {
            throw new InvalidInputException("at", ProblemCode.OUT_OF_RANGE, "must not be in the future: what will be in force is not known");
        }
        return moment;
    }
}
