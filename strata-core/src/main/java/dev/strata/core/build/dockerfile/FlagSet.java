package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --flags} one instruction accepts, checked as Docker checks them: unknown flags, repeated flags,
 * missing values and non-boolean values of boolean flags are errors. Not thread-safe; one per instruction.
 */
final class FlagSet {
    enum Type { BOOL, STRING, STRINGS }

    private final List<String> given;
    private final Map<String, Type> defined = new LinkedHashMap<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    FlagSet(List<String> given) {
        this.given = given;
    }

    FlagSet define(String name, Type type) {
        defined.put(name, type);
        return this;
    }

    /** Checks the given flags against the defined ones; the first problem is thrown, without a line. */
    FlagSet parse() {
        for (String flag : given) {
            if (flag.equals("--")) {
                return this;
            }
            if (!flag.startsWith("--")) {
                throw DockerfileException.problem("arg should start with -- : " + flag);
            }
            int eq = flag.indexOf('=');
            String flagName = eq < 0 ? flag : flag.substring(0, eq);
            String value = eq < 0 ? "" : flag.substring(eq + 1);
            String name = flagName.substring(2);
            Type type = defined.get(name);
            if (type == null) {
                throw DockerfileException.problem(
                        Suggestions.withHint("unknown flag: " + flagName, name, defined.keySet(), true));
            }
            if (values.containsKey(name) && type != Type.STRINGS) {
                throw DockerfileException.problem("duplicate flag specified: " + flagName);
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            switch (type) {
                case BOOL -> {
                    if (eq >= 0 && value.isEmpty()) {
                        throw DockerfileException.problem("missing a value on flag: " + flagName);
                    }
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "true", "" -> list.add("true");
                        case "false" -> list.add("false");
                        default -> throw DockerfileException.problem(
                                "expecting boolean value for flag " + flagName + ", not: " + value);
                    }
                }
                case STRING, STRINGS -> {
                    if (eq < 0) {
                        throw DockerfileException.problem("missing a value on flag: " + flagName);
                    }
                    list.add(value);
                }
            }
        }
        return this;
    }

    boolean used(String name) {
        return values.containsKey(name);
    }

    /** A string flag's value; empty when not given or given empty, as Docker treats both. */
    Optional<String> string(String name) {
        List<String> v = values.get(name);
        return v == null || v.get(0).isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    String string(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(0);
    }

    boolean bool(String name) {
        return optionalBool(name).orElse(false);
    }

    Optional<Boolean> optionalBool(String name) {
        List<String> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(0).equals("true"));
    }

    List<String> strings(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }
}
