package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.ContainerText;
import dev.strata.cli.Output;
import dev.strata.core.container.Container;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ps} / {@code container ls}: list containers. */
@Command(addMethodSubcommands = false, name = "ps", description = "List containers")
public final class PsCommand implements Callable<Integer> {
    static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("ID", "CONTAINER ID"), Map.entry("Image", "IMAGE"),
            Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("RunningFor", "CREATED"),
            Map.entry("Ports", "PORTS"), Map.entry("State", "STATE"), Map.entry("Status", "STATUS"),
            Map.entry("Size", "SIZE"), Map.entry("Names", "NAMES"), Map.entry("Labels", "LABELS"),
            Map.entry("Mounts", "MOUNTS"), Map.entry("Networks", "NETWORKS"), Map.entry("LocalVolumes", "LOCAL VOLUMES"));
    static final String DEFAULT_FORMAT =
            "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    private final Cli cli;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container IDs")
    boolean quiet;

    @Option(names = {"-l", "--latest"}, description = "Show the latest created container (includes all states)")
    boolean latest;

    @Option(names = {"-n", "--last"}, description = "Show n last created containers (includes all states)", defaultValue = "-1")
    int last;

    @Option(names = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(names = {"-f", "--filter"}, description = "Filter output based on conditions provided")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", description = "Format output using a custom template")
    String format;

    @Option(names = {"-s", "--size"}, description = "Display total file sizes")
    boolean size;

    public PsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        int count = latest ? 1 : last;
        List<Container> containers = cli.engine().containers().list(all, filters, Math.max(count, 0));
        Instant now = cli.clock().instant();
        List<Map<String, Object>> items = containers.stream().map(c -> item(c, now)).toList();
        Output.print(cli, quiet ? "{{.ID}}" : format, size ? DEFAULT_FORMAT + "\t{{.Size}}" : DEFAULT_FORMAT, HEADERS,
                items);
        return 0;
    }

    /** The image as the user named it, or its short ID once that name means another image (or none). */
    private String imageShown(Container c) {
        String named = cli.engine().resolveQuietly(c.record().imageName());
        return c.record().imageId().equals(named) ? c.record().imageName()
                : dev.strata.core.oci.Digest.parse(c.record().imageId()).shortHex();
    }

    /** Docker's "27B (virtual 1.98MB)": the writable layer, then the whole root filesystem. */
    private String sizeText(Container c) {
        var s = cli.engine().containers().size(c);
        return Output.size(s.rw()) + " (virtual " + Output.size(s.rootFs()) + ")";
    }

    private Map<String, Object> item(Container c, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Command", ContainerText.command(c, !noTrunc));
        m.put("CreatedAt", Output.createdAt(dev.strata.core.oci.ImageConfig.parseTime(c.record().created())));
        m.put("ID", noTrunc ? c.id() : c.record().shortId());
        m.put("Image", imageShown(c));
        m.put("Labels", c.record().config().labels().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(",")));
        m.put("LocalVolumes", String.valueOf(c.record().host().mounts().stream().filter(x -> "volume".equals(x.type())).count()));
        m.put("Mounts", c.record().host().mounts().stream()
                .map(x -> x.name() != null ? x.name() : x.source()).collect(Collectors.joining(",")));
        m.put("Names", c.name());
        m.put("Networks", c.record().host().networkMode());
        m.put("Ports", ContainerText.ports(c));
        m.put("RunningFor", Output.since(cli, c.record().created()));
        m.put("Size", size ? sizeText(c) : "N/A");
        m.put("State", c.state().status().name());
        m.put("Status", ContainerText.status(c.state(), now));
        return m;
    }
}
