package nl.trede.cli;

/** A problem with the command line or the input that the user must fix; exit code 2, no stack trace. */
final class CommandException extends Exception {

    private final boolean showUsage;

    CommandException(String message) {
        this(message, false);
    }

    CommandException(String message, boolean showUsage) {
        super(message, null, false, false);
        this.showUsage = showUsage;
    }

    boolean showUsage() {
        return showUsage;
    }
}
