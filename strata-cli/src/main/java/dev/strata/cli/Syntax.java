package dev.strata.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A verb's command-line syntax, declared in code: its name, description, options and parameters, each bound to
 * the command object by a small setter. It builds picocli's model directly, without reading annotations, because
 * reflecting over annotations (a proxy class per annotation type, parsed per member) costs some 40 ms on every
 * start, more than listing the images does. Parsing, help and error messages are picocli's as before.
 *
 * <p>Option names are written as Docker shows them, comma separated: {@code "-a, --all"}. Not thread-safe: a
 * syntax is declared, turned into a command line once, and discarded.
 */
public final class Syntax {
    private final CommandSpec spec;

    private Syntax(Object command, String name, String description) {
        spec = CommandSpec.wrapWithoutInspection(command, Syntax::noFactory);
        spec.name(name);
        spec.usageMessage().description(description);
    }

    /** The syntax of {@code command} (a {@code Callable<Integer>} or {@code Runnable}) run as verb {@code name}. */
    public static Syntax of(Object command, String name, String description) {
        return new Syntax(command, name, description);
    }

    /** A boolean flag, false unless given. */
    public Syntax flag(String names, String description, Consumer<Boolean> set) {
        return add(option(names, description).arity("0").type(boolean.class).initialValue(false).hasInitialValue(true),
                set);
    }

    /**
     * A boolean option that is true unless turned off with an explicit value ({@code -H=false}); given alone, it
     * is true. Its help shows {@code -H, --human[=LABEL]}.
     */
    public Syntax optionalBoolean(String names, String label, String description, Consumer<Boolean> set) {
        return add(trueUnlessTurnedOff(names, label, description), set);
    }

    /**
     * An {@link #optionalBoolean} that a {@code --no-} form also turns off, as Docker's {@code --pause=false} and
     * picocli's {@code --no-pause}. Its help shows {@code -p, --[no-]pause[=LABEL]}.
     */
    public Syntax negatableBoolean(String names, String label, String description, Consumer<Boolean> set) {
        return add(trueUnlessTurnedOff(names, label, description).negatable(true), set);
    }

    /** An option taking one string value; given twice, picocli reports it (as for every single-value option). */
    public Syntax option(String names, String label, String description, Consumer<String> set) {
        return add(option(names, description).paramLabel(label).type(String.class), set);
    }

    /**
     * An option taking one path. Paths are read as strings and made here: picocli converts to {@code Path} by a
     * reflective call, whose first use costs a start some 6 ms.
     */
    public Syntax pathOption(String names, String label, String description, Consumer<Path> set) {
        return add(option(names, description).paramLabel(label).type(String.class),
                (String value) -> set.accept(Path.of(value)));
    }

    /** An option taking a whole number; picocli reports a value that is not one. */
    public Syntax intOption(String names, String label, String description, Consumer<Integer> set) {
        return add(option(names, description).paramLabel(label).type(Integer.class), set);
    }

    /** An option that may be given several times; {@code set} receives the growing list of values. */
    public Syntax repeatable(String names, String label, String description, Consumer<List<String>> set) {
        return add(option(names, description).paramLabel(label).type(List.class).auxiliaryTypes(String.class), set);
    }

    /** A repeatable option whose values are paths. */
    public Syntax repeatablePath(String names, String label, String description, Consumer<List<Path>> set) {
        return add(option(names, description).paramLabel(label).type(List.class).auxiliaryTypes(String.class),
                (List<String> values) -> set.accept(values.stream().map(Path::of).toList()));
    }

    /** A path option that every verb below this one also takes, as the root's {@code --root}. */
    public Syntax globalPathOption(String names, String label, String description, Consumer<Path> set) {
        return globalOption(names, label, description, (String value) -> set.accept(Path.of(value)));
    }

    /** An option every verb takes, given before or after it, taking one string value. */
    public Syntax globalOption(String names, String label, String description, Consumer<String> set) {
        return add(option(names, description).paramLabel(label).type(String.class)
                .scopeType(CommandLine.ScopeType.INHERIT), set);
    }

    /** A positional parameter at {@code index} ("0", "1..*") taking one value, {@code arity} "1" or "0..1". */
    public Syntax parameter(String index, String arity, String label, Consumer<String> set) {
        return add(PositionalParamSpec.builder().index(index).arity(arity).paramLabel(label).type(String.class), set);
    }

    /** Positional parameters at {@code index} taking {@code arity} values ("1..*", "0..*"). */
    public Syntax parameters(String index, String arity, String label, Consumer<List<String>> set) {
        return add(PositionalParamSpec.builder().index(index).arity(arity).paramLabel(label).type(List.class)
                .auxiliaryTypes(String.class), set);
    }

    /** An option taking one string value, left out of the help (an internal or compatibility spelling). */
    public Syntax hiddenOption(String names, String label, String description, Consumer<String> set) {
        return add(option(names, description).paramLabel(label).type(String.class).hidden(true), set);
    }

    /**
     * A management command that groups verbs ({@code image}, {@code container}): given alone, it prints its
     * usage. Add the verbs to {@link #line()}.
     */
    public static Syntax group(String name, String description) {
        GroupUsage usage = new GroupUsage();
        Syntax syntax = new Syntax(usage, name, description);
        usage.spec = syntax.spec;
        return syntax;
    }

    /** Hides the whole verb from its parent's list of commands. */
    public Syntax hidden() {
        spec.usageMessage().hidden(true);
        return this;
    }

    /** Options after the first positional parameter belong to it, as in {@code run IMAGE ls -l}. */
    public Syntax stopAtPositional() {
        spec.parser().stopAtPositional(true);
        return this;
    }

    /** The model itself, for what this class does not cover (the root's version, inherited options). */
    public CommandSpec spec() {
        return spec;
    }

    /** The command line, with {@code --help} added unless declared (every verb takes it, as Docker's do). */
    public CommandLine line() {
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("--help").usageHelp(true).description("Print usage").build());
        }
        return new CommandLine(spec, Syntax::noFactory);
    }

    private static OptionSpec.Builder option(String names, String description) {
        return OptionSpec.builder(names.split(",\\s*")).description(description);
    }

    /** A boolean that may take a value: absent or given alone it is true (picocli's default and fallback values). */
    private static OptionSpec.Builder trueUnlessTurnedOff(String names, String label, String description) {
        return option(names, description).paramLabel(label).type(boolean.class).arity("0..1").defaultValue("true")
                .fallbackValue("true");
    }

    private <T> Syntax add(OptionSpec.Builder builder, Consumer<T> set) {
        Binding<T> binding = new Binding<>(set);
        spec.addOption(builder.getter(binding).setter(binding).build());
        return this;
    }

    /** A positional parameter whose arity asks for a value is required, as picocli makes it from an annotation. */
    private <T> Syntax add(PositionalParamSpec.Builder builder, Consumer<T> set) {
        builder.required(builder.arity().min() > 0);
        Binding<T> binding = new Binding<>(set);
        spec.addPositional(builder.getter(binding).setter(binding).build());
        return this;
    }

    /**
     * Nothing is made by reflection: collections are created by picocli itself, and no converters, providers or
     * nested commands are named by class.
     */
    private static <K> K noFactory(Class<K> type) {
        if (type == List.class || type == java.util.Collection.class) {
            return type.cast(new java.util.ArrayList<>());
        }
        throw new IllegalStateException("Strata's command lines create nothing by reflection, yet " + type + " was asked for");
    }

    /** What a management command does when no verb follows it. */
    private static final class GroupUsage implements Runnable {
        private CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** Holds an argument's value for picocli and hands every new value to the command (nulls: none given). */
    private static final class Binding<T> implements CommandLine.Model.IGetter, CommandLine.Model.ISetter {
        private final Consumer<T> sink;
        private Object value;

        Binding(Consumer<T> sink) {
            this.sink = sink;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V newValue) {
            V old = (V) value;
            value = newValue;
            if (newValue != null) {
                sink.accept((T) newValue);
            }
            return old;
        }
    }
}
