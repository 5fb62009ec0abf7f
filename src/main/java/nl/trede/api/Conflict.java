package nl.trede.api;

/** A request that is well-formed but cannot be carried out in the resource's current state (409). */
public class Conflict extends RuntimeException {

    private final ProblemCode code;

    public Conflict(String detail) {
        this(detail, null);
    }

    /** With a machine-readable code, for conflicts a client acts on (the problem's {@code code}). */
    public Conflict(String detail, ProblemCode code) {
        super(detail);
        this.code = code;
    }

    /** The problem's code, or null. */
    public ProblemCode code() {
        return code;
    }
}
