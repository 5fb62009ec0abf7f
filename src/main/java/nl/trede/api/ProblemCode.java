package nl.trede.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a field is invalid (or, as a problem's own {@code code}, what a problem concerning no single
 * field is), as a stable machine-readable code: clients (and the Dutch pages) decide on the code and
 * show their own words; the English {@code reason} beside it is for people reading the raw answer.
 * Declared once here; the OpenAPI {@code Problem} and {@code InvalidParam} schemas list these values.
 */
public enum ProblemCode {
    /** Missing, null or blank where a value is required. */
    REQUIRED,
    /** A field the request type does not have (perhaps misspelt). */
    UNKNOWN_FIELD,
    /** The JSON type is wrong: text for a number, a fraction for a whole number, a number for text. */
    WRONG_TYPE,
    /** Not one of the allowed values (an enum, a catalogue code, a demo account). */
    INVALID_VALUE,
    /** Text that does not have the required form (a municipality code, a date). */
    INVALID_FORMAT,
    /** A number or date outside its bounds. */
    OUT_OF_RANGE,
    /** Text or a list longer than allowed. */
    TOO_LONG,
    /** The same value listed twice. */
    DUPLICATE,
    /** A value that cannot be combined with the others given (NONE beside other interventions). */
    NOT_COMBINABLE,
    /** An intervention the client is not eligible for. */
    NOT_ELIGIBLE,
    /** An id that does not refer to something belonging to this resource (advice of another intake). */
    UNKNOWN_REFERENCE,
    /** Text that is not valid Unicode (a lone surrogate). */
    INVALID_UNICODE,
    /** Text with the NUL character, which no field needs and PostgreSQL cannot store. */
    NUL_CHARACTER,
    /** An Idempotency-Key already used for another request (another body, method or path): 422. */
    IDEMPOTENCY_KEY_REUSED,
    /** The first request with this Idempotency-Key is still being carried out: retry shortly (409). */
    REQUEST_IN_PROGRESS,
    /** A model version without an evaluation report cannot be proposed for promotion (409). */
    REPORT_REQUIRED,
    /** Four eyes: a promotion is approved by someone other than who proposed it (403). */
    SAME_PERSON,
    /** Another version became active after the promotion was proposed: evaluate and propose again (409). */
    STALE_PROPOSAL,
    /** The promotion was already approved or rejected (409). */
    ALREADY_DECIDED,
    /** The registry is not in a state that allows this move (the version is already active, was never live, ...) (409). */
    INVALID_TRANSITION,
    /** The municipality has not switched on randomisation among tied options (409). */
    TIE_RANDOMISATION_OFF,
    /** The advice has no option statistically tied with its top: there is nothing to draw among (409). */
    NO_TIE,
    /** A draw was already made from this advice; it is not repeated (409). */
    ALREADY_DRAWN,
    /** The options excluded from a draw leave fewer than two to draw among. */
    TOO_FEW_CANDIDATES,
    /** This caller sent more requests than its rate limit allows: retry after Retry-After seconds (429). */
    RATE_LIMITED,
    /** The service is carrying out as many requests as it may at once: retry after Retry-After seconds (503). */
    OVERLOADED;

    /** The code as it appears in the JSON, e.g. {@code out_of_range}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
