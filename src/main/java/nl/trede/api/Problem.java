package nl.trede.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, as every error of the API is returned; its schema is declared in {@link ApiDesignRulesFilter}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, ProblemCode code, List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field: its JSON path (e.g. {@code age} or {@code interventionCodes[1]}), the
     * machine-readable code of what is wrong, and the reason in English words.
     */
    public record InvalidParam(String name, ProblemCode code, String reason) {
    }

    public static Problem of(int status, String title, String detail) {
        return of(status, title, detail, null);
    }

    /** A problem with a machine-readable code of its own, for problems that concern no single field. */
    public static Problem of(int status, String title, String detail, ProblemCode code) {
        return new Problem("about:blank", title, status, detail, code, List.of());
    }

    public static Problem invalid(List<InvalidParam> params) {
        String detail = params.size() == 1
                ? "Field '" + params.get(0).name() + "' is invalid: " + params.get(0).reason()
                : params.size() + " fields are invalid";
        return new Problem("about:blank", "Invalid input", 400, detail, null, List.copyOf(params));
    }
}
