package nl.trede.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The commands of the jar and their dispatch: {@code java -jar quarkus-run.jar COMMAND [OPTIONS]}.
 * Without arguments the jar starts the service; an unknown command prints the list of commands on
 * stderr and exits with 2 (it never starts the service by accident).
 */
public final class Commands {

    static final List<Command> ALL = List.of(new TrainModelsCommand(), new SimulateHistoryCommand(),
            new EstimateEffectsCommand(), new EvaluateEffectsCommand(), new VerifyAuditTrailCommand(), new ExportTrainingDataCommand(),
            new ScoreBatchCommand(), new TrainCandidateCommand());

    private Commands() {
    }

    /** Runs the command named by the first argument; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            (args.length == 0 ? err : out).print(usage());
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        for (Command command : ALL) {
            if (command.name().equals(args[0])) {
                return run(command, rest, out, err);
            }
        }
        err.println("unknown command '" + args[0] + "'");
        err.print(usage());
        return 2;
    }

    static int run(Command command, String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = new Options(args, command.valued(), command.flags());
            if (options.helpRequested()) {
                out.print(command.usage());
                return 0;
            }
            return command.execute(options, out, err);
        } catch (CommandException e) {
            err.println(command.name() + ": " + e.getMessage());
            if (e.showUsage()) {
                err.print(command.usage());
            }
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println(command.name() + " failed: " + e);
            return 1;
        }
    }

    /** The list of commands. */
    static String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar quarkus-run.jar [COMMAND [OPTIONS]]\n\n"
                + "Without a command the service starts. Commands (each takes --help):\n");
        for (Command command : ALL) {
            text.append(String.format("  %-20s %s%n", command.name(), command.summary()));
        }
        return text.toString();
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }
}
