package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code top}: the host's {@code ps} output (default {@code -ef}) for the container's processes only. */
public final class TopCommand implements Callable<Integer> {
    private final Cli cli;
    private String container;
    private List<String> psOptions = List.of();

    private TopCommand(Cli cli) {
        this.cli = cli;
    }

    /** Options after the container are {@code ps}'s, as in {@code top CONTAINER -o pid}. */
    public static CommandLine line(Cli cli) {
        TopCommand c = new TopCommand(cli);
        return Syntax.of(c, "top", "Display the running processes of a container")
                .stopAtPositional()
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .parameters("1..*", "0..*", "ps OPTIONS", v -> c.psOptions = v)
                .line();
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Set<String> pids = new HashSet<>();
        cli.engine().containers().processes(container).forEach(pid -> pids.add(String.valueOf(pid)));
        List<String> command = new ArrayList<>(List.of("ps"));
        command.addAll(psOptions.isEmpty() ? List.of("-ef") : psOptions);
        Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ps.waitFor() != 0) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "ps: " + output.strip());
        }
        String[] lines = output.split("\n");
        int pidColumn = List.of(lines[0].trim().split("\\s+")).indexOf("PID");
        if (pidColumn < 0) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "Couldn't find PID field in ps output");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(lines[0].trim().split("\\s+"));
        int columns = rows.getFirst().length;
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].trim().split("\\s+", columns);
            if (fields.length > pidColumn && pids.contains(fields[pidColumn])) {
                rows.add(fields);
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            table.append(String.join("\t", row)).append('\n');
        }
        cli.out().print(dev.strata.cli.format.TabWriter.docker().format(table.toString()));
        return 0;
    }
}
