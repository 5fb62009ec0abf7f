package nl.trede.core.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --flag} switches of a command, checked against what the command accepts. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    /** @throws IllegalArgumentException on an unknown option or a missing value */
    Options(String[] args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown option " + name);
            }
        }
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    long getLong(String name, long otherwise) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : otherwise;
    }

    int getInt(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    double getDouble(String name, double otherwise) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : otherwise;
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }
}
