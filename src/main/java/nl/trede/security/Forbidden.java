package nl.trede.security;

/** An authenticated caller asks for something outside their municipalities. */
public class Forbidden extends RuntimeException {

    private final String municipalityCode;

    public Forbidden(String detail, String municipalityCode) {
        super(detail);
        this.municipalityCode = municipalityCode;
    }

    /** The municipality the caller named but does not act for, so that the refusal can be put on its record. */
    public String municipalityCode() {
        return municipalityCode;
    }
}
