package nl.trede;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import nl.trede.cli.Commands;

/**
 * One jar for the service and its commands: without arguments it starts the service; otherwise
 * the first argument names a command of {@link Commands} (an unknown one is refused with the list
 * of commands and exit code 2, never by starting the service).
 */
@QuarkusMain
public final class Main {

    public static void main(String... args) {
        if (args.length == 0) {
            Quarkus.run();
        } else {
            System.exit(Commands.run(args, System.out, System.err));
        }
    }
}
