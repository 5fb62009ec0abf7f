package nl.trede.core.distance;

/** A shipped model cannot be trusted: a file is missing, outside the models directory, or its hash does not match. */
public class ModelIntegrityException extends RuntimeException {

    public ModelIntegrityException(String message) {
        super(message);
    }

    public ModelIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
