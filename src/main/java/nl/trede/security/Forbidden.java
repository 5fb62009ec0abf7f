package nl.trede.security;

/** An authenticated caller asks for something outside their municipalities. */
public class Forbidden extends RuntimeException {

    public Forbidden(String detail) {
        super(detail);
    }
}
