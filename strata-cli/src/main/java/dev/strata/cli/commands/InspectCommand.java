package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code inspect} / {@code image inspect}: Docker-shaped JSON, or a Go template per object. */
public final class InspectCommand implements Callable<Integer> {
    private final Cli cli;
    private String format;
    private String type;
    private boolean size;
    private List<String> names;

    private InspectCommand(Cli cli, String type) {
        this.cli = cli;
        this.type = type;
    }

    /** {@code inspect}: containers, then images. */
    public static CommandLine line(Cli cli) {
        return line(cli, null);
    }

    /** {@code image inspect} or {@code container inspect}: only that type (unless {@code --type} says otherwise). */
    public static CommandLine line(Cli cli, String type) {
        InspectCommand c = new InspectCommand(cli, type);
        return Syntax.of(c, "inspect", "Return low-level information on containers and images")
                .option("-f, --format", "<format>", "Format output using a custom template", v -> c.format = v)
                .option("--type", "<type>", "Only inspect objects of the given type (container, image)",
                        v -> c.type = v)
                .flag("-s, --size", "Display total file sizes if the type is container (not supported)",
                        v -> c.size = v)
                .parameters("0..*", "1..*", "NAME|ID", v -> c.names = v)
                .line();
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
