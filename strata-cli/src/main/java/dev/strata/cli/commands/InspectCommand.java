package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.core.StrataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspect} / {@code image inspect}: Docker-shaped JSON, or a Go template per object. */
@Command(addMethodSubcommands = false, name = "inspect", description = "Return low-level information on containers and images")
public final class InspectCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--format"}, description = "Format output using a custom template")
    String format;

    @Option(names = "--type", description = "Only inspect objects of the given type (container, image)")
    String type;

    @Option(names = {"-s", "--size"}, description = "Display total file sizes if the type is container (not supported)")
    boolean size;

    @Parameters(arity = "1..*", paramLabel = "NAME|ID")
    List<String> names;

    /** {@code inspect}: containers, then images. */
    public InspectCommand(Cli cli) {
        this(cli, null);
    }

    /** {@code image inspect} or {@code container inspect}: only that type. */
    public InspectCommand(Cli cli, String type) {
        this.cli = cli;
        this.type = type;
    }

    private Map<String, Object> inspect(String name) {
        if ("image".equals(type)) {
            return cli.engine().inspect(name);
        }
        if ("container".equals(type)) {
            return cli.engine().containers().inspect(name);
        }
        try {
            return cli.engine().containers().inspect(name);
        } catch (StrataException e) {
            if (e.kind() != StrataException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        try {
            return cli.engine().inspect(name);
        } catch (StrataException e) {
            if (e.kind() == StrataException.Kind.NOT_FOUND) {
                throw new StrataException(StrataException.Kind.NOT_FOUND, "No such object: " + name);
            }
            throw e;
        }
    }

    @Override
    public Integer call() {
        if (type != null && !type.equals("image") && !type.equals("container")) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "\"" + type + "\" is not a valid value for --type");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                found.add(inspect(name));
            } catch (StrataException e) {
                if (e.kind() != StrataException.Kind.NOT_FOUND) {
                    throw e;
                }
                errors.add(e.getMessage());
            }
        }
        if (format == null) {
            cli.out().println(Output.indentedJson(found));
        } else {
            for (Map<String, Object> item : found) {
                cli.out().println(Output.template(format, item));
            }
        }
        for (String error : errors) {
            cli.err().println("Error: " + error);
        }
        return errors.isEmpty() ? 0 : 1;
    }
}
