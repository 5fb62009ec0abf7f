package nl.trede.api;

/** A request that is well-formed but cannot be carried out in the resource's current state (409). */
public class Conflict extends RuntimeException {

    public Conflict(String detail) {
        super(detail);
    }
}
