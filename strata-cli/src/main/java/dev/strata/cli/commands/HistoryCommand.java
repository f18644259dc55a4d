package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.core.engine.HistoryRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code history}: how an image was made, newest step first. */
public final class HistoryCommand implements Callable<Integer> {
    static final Map<String, String> HEADERS = Map.of("ID", "IMAGE", "CreatedSince", "CREATED", "CreatedAt",
            "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT");
    private static final int CREATED_BY_WIDTH = 45;

    private final Cli cli;
    private boolean human;
    private boolean noTrunc;
    private boolean quiet;
    private String format;
    private String name;

    private HistoryCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        HistoryCommand c = new HistoryCommand(cli);
        return Syntax.of(c, "history", "Show the history of an image")
                .optionalBoolean("-H, --human", "<human>",
                        "Print sizes and dates in human readable format (default true)", v -> c.human = v)
                .flag("--no-trunc", "Don't truncate output", v -> c.noTrunc = v)
                .flag("-q, --quiet", "Only show image IDs", v -> c.quiet = v)
                .option("--format", "<format>", "Format output using a custom template", v -> c.format = v)
                .parameter("0", "1", "IMAGE", v -> c.name = v)
                .line();
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
