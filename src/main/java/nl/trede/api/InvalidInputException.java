package nl.trede.api;

import java.util.List;

/** Input that passed the schema but breaks a rule of the domain; answered as 400 with the fields. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Problem.InvalidParam> invalidParams;

    public InvalidInputException(List<Problem.InvalidParam> invalidParams) {
        super(invalidParams.size() + " invalid field(s)");
        this.invalidParams = List.copyOf(invalidParams);
    }

    public InvalidInputException(String field, ProblemCode code, String reason) {
        this(List.of(new Problem.InvalidParam(field, code, reason)));
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}
