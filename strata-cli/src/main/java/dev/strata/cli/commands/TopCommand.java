package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code top}: the host's {@code ps} output (default {@code -ef}) for the container's processes only. */
@Command(addMethodSubcommands = false, name = "top", description = "Display the running processes of a container")
public final class TopCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ps OPTIONS")
    List<String> psOptions = new ArrayList<>();

    public TopCommand(Cli cli) {
        this.cli = cli;
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
