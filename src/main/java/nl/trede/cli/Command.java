package nl.trede.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/**
 * One command of the jar. {@link Commands} parses the command line against the options the
 * command declares, answers {@code --help}, and turns the outcome into an exit code: 0 done,
 * 2 unusable command line or input (a message and, where it helps, the usage on stderr), 1 an
 * unexpected failure.
 */
interface Command {

    String name();

    /** One line for the list of commands. */
    String summary();

    /** The full help text, starting with {@code usage: <name> ...}. */
    String usage();

    /** Options that take a value. */
    Set<String> valued();

    /** Options without a value. */
    default Set<String> flags() {
        return Set.of();
    }

    /** Does the work; returns the exit code. */
    int execute(Options options, PrintStream out, PrintStream err) throws CommandException, IOException;
}
