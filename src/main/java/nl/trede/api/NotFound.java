package nl.trede.api;

/** A resource that does not exist (or, later, that the caller may not know exists). */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
