package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.core.distribution.SearchResult;
import dev.strata.core.engine.SearchRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code search}: repositories on Docker Hub (or on the registry {@code HOST/TERM} names) matching a term. */
public final class SearchCommand implements Callable<Integer> {
    static final Map<String, String> HEADERS = Map.of("Name", "NAME", "Description", "DESCRIPTION", "StarCount",
            "STARS", "IsOfficial", "OFFICIAL", "IsAutomated", "AUTOMATED");
    private static final String DEFAULT_FORMAT =
            "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}\t{{.IsAutomated}}";
    /** Docker cuts descriptions to this many columns unless {@code --no-trunc}. */
    private static final int DESCRIPTION_WIDTH = 45;

    private final Cli cli;
    private List<String> filters = List.of();
    private String format;
    private int limit = SearchRequest.DEFAULT_LIMIT;
    private boolean noTrunc;
    private String term;

    private SearchCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        SearchCommand c = new SearchCommand(cli);
        return Syntax.of(c, "search", "Search Docker Hub for images")
                .repeatable("-f, --filter", "<filter>", "Filter output based on conditions provided", v -> c.filters = v)
                .option("--format", "<string>", "Pretty-print search using a Go template", v -> c.format = v)
                .intOption("--limit", "<int>", "Max number of search results (default 25)", v -> c.limit = v)
                .flag("--no-trunc", "Don't truncate output", v -> c.noTrunc = v)
                .parameter("0", "1", "TERM", v -> c.term = v)
                .line();
    }

    @Override
    public Integer call() {
        List<SearchResult> results = cli.engine().search(new SearchRequest(term, limit, filters,
                RegistryEnvironment.settings(cli)));
        Output.print(cli, format, DEFAULT_FORMAT, HEADERS, results.stream().map(this::item).toList());
        return 0;
    }

    private Map<String, Object> item(SearchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", r.name());
        String description = r.description().replace('\n', ' ').replace('\r', ' ');
        m.put("Description", noTrunc ? description : Output.ellipsis(description, DESCRIPTION_WIDTH));
        m.put("StarCount", Integer.toString(r.starCount()));
        m.put("IsOfficial", r.official() ? "[OK]" : "");
        m.put("IsAutomated", r.automated() ? "[OK]" : "");
        return m;
    }
}
