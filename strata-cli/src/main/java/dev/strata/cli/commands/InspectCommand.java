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
@Command(name = "inspect", description = "Display detailed information on one or more images")
public final class InspectCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--format"}, description = "Format output using a custom template")
    String format;

    @Option(names = "--type", description = "Only inspect objects of the given type (image)")
    String type;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    public InspectCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (type != null && !type.equals("image")) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "\"" + type + "\" is not a valid value for --type");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                found.add(cli.engine().inspect(name));
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
