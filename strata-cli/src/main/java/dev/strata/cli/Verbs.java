package dev.strata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The verbs of a command that groups them (the root, {@code image}, {@code container}...), each with its aliases
 * and a factory for its command line. Building a verb's syntax is work done on every start, so only the verb being
 * run is built; every verb is built when none is named (help, or a word that is no verb, so that picocli's usage
 * and error messages list them all as before). Not thread-safe: filled, used once, discarded.
 */
public final class Verbs {
    private final List<Verb> verbs = new ArrayList<>();

    /** Adds a verb, listed in this order; {@code aliases} are other names it answers to ({@code ls, list}). */
    public Verbs add(String name, Supplier<CommandLine> line, String... aliases) {
        verbs.add(new Verb(name, List.of(aliases), line));
        return this;
    }

    /** Registers on {@code group} the verb that {@code word} names (its name or an alias), or every verb if none. */
    public CommandLine addTo(CommandLine group, String word) {
        for (Verb verb : verbs) {
            if (word != null && (verb.name.equals(word) || verb.aliases.contains(word))) {
                verb.addTo(group);
                return group;
            }
        }
        verbs.forEach(verb -> verb.addTo(group));
        return group;
    }

    /**
     * The {@code index}th word of a command line ({@code 0}: the verb, {@code 1}: a group's verb) skipping the
     * global {@code --root DIR}; null if there is none or another option comes first (then every verb is built).
     */
    public static String word(String[] args, int index) {
        int seen = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--root")) {
                i++;
            } else if (!arg.startsWith("-")) {
                if (seen++ == index) {
                    return arg;
                }
            } else if (!arg.startsWith("--root=")) {
                return null;
            }
        }
        return null;
    }

    private record Verb(String name, List<String> aliases, Supplier<CommandLine> line) {
        void addTo(CommandLine group) {
            group.addSubcommand(name, line.get(), aliases.toArray(String[]::new));
        }
    }
}
