package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.core.engine.HistoryRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history}: how an image was made, newest step first. */
@Command(addMethodSubcommands = false, name = "history", description = "Show the history of an image")
public final class HistoryCommand implements Callable<Integer> {
    static final Map<String, String> HEADERS = Map.of("ID", "IMAGE", "CreatedSince", "CREATED", "CreatedAt",
            "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT");
    private static final int CREATED_BY_WIDTH = 45;

    private final Cli cli;

    @Option(names = {"-H", "--human"}, arity = "0..1", fallbackValue = "true", defaultValue = "true",
            description = "Print sizes and dates in human readable format (default true)")
    boolean human;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
    boolean quiet;

    @Option(names = "--format", description = "Format output using a custom template")
    String format;

    @Parameters(arity = "1", paramLabel = "IMAGE")
    String name;

    public HistoryCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<HistoryRow> rows = cli.engine().history(name);
        String defaultFormat = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
        Output.print(cli, quiet ? "{{.ID}}" : format, defaultFormat, HEADERS, rows.stream().map(this::item).toList());
        return 0;
    }

    private Map<String, Object> item(HistoryRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        String id = row.id();
        if (!id.startsWith("<") && !noTrunc) {
            id = id.substring("sha256:".length(), "sha256:".length() + 12);
        }
        m.put("ID", id);
        m.put("CreatedAt", Output.rfc3339(row.created()));
        m.put("CreatedSince", human ? Output.since(cli, row.created()) : Output.rfc3339(row.created()));
        String createdBy = row.createdBy().replace("\t", " ");
        m.put("CreatedBy", noTrunc ? createdBy : Output.ellipsis(createdBy, CREATED_BY_WIDTH));
        m.put("Size", human ? Output.size(row.size()) : Long.toString(row.size()));
        m.put("Comment", row.comment());
        return m;
    }
}
