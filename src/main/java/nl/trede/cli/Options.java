package nl.trede.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of one command: {@code --name value} or {@code --name=value} options and
 * {@code --flag} switches, checked against what the command accepts. {@code --help} and {@code -h}
 * are accepted by every command. Every problem is a {@link CommandException} that shows the usage.
 */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private boolean help;

    Options(String[] args, Set<String> valued, Set<String> flags) throws CommandException {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (value == null && (name.equals("--help") || name.equals("-h"))) {
                help = true;
            } else if (value == null && flags.contains(name)) {
                put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new CommandException(name + " needs a value", true);
                    }
                    value = args[++i];
                }
                put(name, value);
            } else {
                throw new CommandException("unknown option '" + args[i] + "'", true);
            }
        }
    }

    private void put(String name, String value) throws CommandException {
        if (values.put(name, value) != null) {
            throw new CommandException(name + " is given twice", true);
        }
    }

    /** Whether {@code --help} or {@code -h} was given: the command prints its usage and does nothing else. */
    boolean helpRequested() {
        return help;
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** The value of an option that must be given and not be blank. */
    String required(String name) throws CommandException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new CommandException(name + " is required", true);
        }
        return value;
    }

    long getLong(String name, long otherwise) throws CommandException {
        try {
            return values.containsKey(name) ? Long.parseLong(values.get(name).trim()) : otherwise;
        } catch (NumberFormatException e) {
            throw new CommandException(name + " must be a whole number, not '" + values.get(name) + "'", true);
        }
    }

    int getInt(String name, int otherwise) throws CommandException {
        long value = getLong(name, otherwise);
        if (value != (int) value) {
            throw new CommandException(name + " is too large: " + value, true);
        }
        return (int) value;
    }

    double getDouble(String name, double otherwise) throws CommandException {
        try {
            return values.containsKey(name) ? Double.parseDouble(values.get(name).trim()) : otherwise;
        } catch (NumberFormatException e) {
            throw new CommandException(name + " must be a number, not '" + values.get(name) + "'", true);
        }
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }
}
