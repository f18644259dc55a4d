package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.cli.format.Lazy;
import dev.strata.core.engine.ImageRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code images} / {@code image ls}: list images. */
public final class ImagesCommand implements Callable<Integer> {
    static final Map<String, String> HEADERS = Map.of("Repository", "REPOSITORY", "Tag", "TAG", "ID", "IMAGE ID",
            "Digest", "DIGEST", "CreatedSince", "CREATED", "CreatedAt", "CREATED AT", "Size", "SIZE",
            "SharedSize", "SHARED SIZE", "UniqueSize", "UNIQUE SIZE", "Containers", "CONTAINERS");

    private final Cli cli;
    private boolean all;
    private boolean quiet;
    private boolean digests;
    private boolean noTrunc;
    private List<String> filters = List.of();
    private String format;
    private String repository;

    private ImagesCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        ImagesCommand c = new ImagesCommand(cli);
        return Syntax.of(c, "images", "List images")
                .flag("-a, --all", "Show all images (default hides intermediate images)", v -> c.all = v)
                .flag("-q, --quiet", "Only show image IDs", v -> c.quiet = v)
                .flag("--digests", "Show digests", v -> c.digests = v)
                .flag("--no-trunc", "Don't truncate output", v -> c.noTrunc = v)
                .repeatable("-f, --filter", "<filters>", "Filter output based on conditions provided", v -> c.filters = v)
                .option("--format", "<format>",
                        "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template",
                        v -> c.format = v)
                .parameter("0", "0..1", "REPOSITORY[:TAG]", v -> c.repository = v)
                .line();
    }

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(filters);
        if (repository != null) {
            all.add("reference=" + repository);
        }
        List<ImageRow> rows = cli.engine().images(this.all, all);
        String defaultFormat = digests
                ? "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
                : "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
        String chosen = quiet ? "{{.ID}}" : format;
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (ImageRow row : rows) { // a loop, not a stream: this command's start-up time is measured
            items.add(item(row));
        }
        Output.print(cli, chosen, defaultFormat, HEADERS, items);
        return 0;
    }

    private Map<String, Object> item(ImageRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Containers", "N/A");
        java.time.Instant created = dev.strata.core.oci.ImageConfig.parseTime(row.image().created());
        m.put("CreatedAt", new Lazy(() -> Output.createdAt(created)));
        m.put("CreatedSince", Output.since(cli, created));
        m.put("Digest", row.digest());
        m.put("ID", Output.id(row.image().id(), noTrunc));
        m.put("Repository", row.repository());
        m.put("SharedSize", "N/A");
        m.put("Size", Output.size(row.image().size()));
        m.put("Tag", row.tag());
        m.put("UniqueSize", "N/A");
        m.put("VirtualSize", Output.size(row.image().size()));
        return m;
    }
}
