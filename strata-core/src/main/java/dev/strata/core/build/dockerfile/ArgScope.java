package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The build arguments visible at one point of one stage, under Docker's rules: a stage starts with none (global
 * ARGs are seen by FROM lines only) except the predefined proxy arguments given with {@code --build-arg}; an ARG in
 * the stage takes the {@code --build-arg} value, else its default (expanded), else the value of the global ARG of
 * that name (so {@code ARG NAME} re-declares a global one); an ENV of the same name overrides an ARG. Immutable:
 * {@link #declare} returns a new scope. Environments are image-config style lists of {@code KEY=value}.
 */
public final class ArgScope {
    /** Arguments usable without an ARG instruction, and left out of history unless declared. */
    public static final Set<String> PREDEFINED = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

    private final Expander expander;
    private final Map<String, String> buildArgs;
    private final Map<String, String> globalArgs;
    private final Map<String, String> values;
    private final Set<String> declared;

    private ArgScope(Expander expander, Map<String, String> buildArgs, Map<String, String> globalArgs,
                     Map<String, String> values, Set<String> declared) {
        this.expander = expander;
        this.buildArgs = buildArgs;
        this.globalArgs = globalArgs;
        this.values = values;
        this.declared = declared;
    }

    /** The scope at the start of a stage, given the {@code --build-arg} values and the resolved global ARGs. */
    public static ArgScope start(Expander expander, Map<String, String> buildArgs, Map<String, String> globalArgs) {
        return new ArgScope(Objects.requireNonNull(expander, "expander"), Map.copyOf(buildArgs),
                Map.copyOf(globalArgs), Map.of(), Set.of());
    }

    /**
     * The scope after an ARG instruction; defaults are expanded in order against {@code configEnv} and the
     * arguments before them ({@code ARG A=1 B=$A} gives B the value 1).
     */
    public ArgScope declare(Arg arg, List<String> configEnv) {
        Map<String, String> next = new LinkedHashMap<>(values);
        Set<String> names = new HashSet<>(declared);
        for (ArgDefinition definition : arg.args()) {
            String name = definition.name();
            names.add(name);
            if (buildArgs.containsKey(name)) {
                next.put(name, buildArgs.get(name));
            } else if (definition.defaultValue().isPresent()) {
                Map<String, String> env = new ArgScope(expander, buildArgs, globalArgs, next, names).expansionEnv(configEnv);
                next.put(name, new Expansion(arg.origin(), expander, env).word(definition.defaultValue().get()));
            } else if (globalArgs.containsKey(name)) {
                next.put(name, globalArgs.get(name));
            }
        }
        return new ArgScope(expander, buildArgs, globalArgs, Collections.unmodifiableMap(next), Set.copyOf(names));
    }

    /** Whether an ARG of this stage declared {@code name}. */
    public boolean isDeclared(String name) {
        return declared.contains(name);
    }

    /** The value of an argument in scope (declared or predefined), null when it has none; ENV is not consulted. */
    public String value(String name) {
        return arguments().get(name);
    }

    /** Environment for {@link Instruction#expand}: arguments with values, overlaid by {@code configEnv}. */
    public Map<String, String> expansionEnv(List<String> configEnv) {
        Map<String, String> env = new LinkedHashMap<>(arguments());
        env.putAll(parse(configEnv));
        return env;
    }

    /** Environment of a RUN container: {@code configEnv}, then the arguments ENV does not override, sorted. */
    public List<String> runEnv(List<String> configEnv) {
        List<String> env = new ArrayList<>(configEnv);
        env.addAll(notOverridden(configEnv, false));
        return List.copyOf(env);
    }

    /**
     * The arguments a RUN step records in history and its cache key, sorted {@code KEY=value}: those ENV does not
     * override, without predefined proxy arguments that were not declared.
     */
    public List<String> historyArgs(List<String> configEnv) {
        return notOverridden(configEnv, true);
    }

    private List<String> notOverridden(List<String> configEnv, boolean forHistory) {
        Map<String, String> config = parse(configEnv);
        List<String> out = new ArrayList<>();
        new TreeMap<>(arguments()).forEach((k, v) -> {
            if (!config.containsKey(k) && (!forHistory || declared.contains(k) || !PREDEFINED.contains(k))) {
                out.add(k + "=" + v);
            }
        });
        return List.copyOf(out);
    }

    private Map<String, String> arguments() {
        Map<String, String> all = new LinkedHashMap<>();
        new TreeMap<>(buildArgs).forEach((k, v) -> {
            if (PREDEFINED.contains(k)) {
                all.put(k, v);
            }
        });
        all.putAll(values);
        return all;
    }

    private static Map<String, String> parse(List<String> env) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : env) {
            int eq = entry.indexOf('=');
            map.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return map;
    }
}
