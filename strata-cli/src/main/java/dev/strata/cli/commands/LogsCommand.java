package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import dev.strata.core.runtime.conmon.LogOptions;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logs}: a container's output, stdout to stdout and stderr to stderr. */
@Command(addMethodSubcommands = false, name = "logs", description = "Fetch the logs of a container")
public final class LogsCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--follow"}, description = "Follow log output")
    boolean follow;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
    boolean timestamps;

    @Option(names = {"-n", "--tail"}, description = "Number of lines to show from the end of the logs (default \"all\")")
    String tail;

    @Option(names = "--since", description = "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m)")
    String since;

    @Option(names = "--until", description = "Show logs before a timestamp or relative (e.g. 42m)")
    String until;

    @Option(names = "--details", description = "Show extra details provided to logs (none are recorded)")
    boolean details;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    public LogsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        OptionalInt lines = OptionalInt.empty();
        if (tail != null && !tail.equals("all")) {
            try {
                lines = OptionalInt.of(Math.max(0, Integer.parseInt(tail)));
            } catch (NumberFormatException e) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid value for \"tail\": " + tail);
            }
        }
        LogOptions options = new LogOptions(timestamps, lines, follow, time(since), time(until));
        cli.engine().containers().logs(container, options, cli.out(), cli.err());
        cli.out().flush();
        cli.err().flush();
        return 0;
    }

    /** An RFC 3339 time, Unix seconds, or a duration back from now such as {@code 42m}, as Docker's flags take. */
    private Optional<Instant> time(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Instant now = cli.clock().instant();
        try {
            if (text.matches("\\d+(\\.\\d+)?")) {
                return Optional.of(Instant.ofEpochMilli((long) (Double.parseDouble(text) * 1000)));
            }
            if (text.matches("\\d+[smh]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                long seconds = switch (text.charAt(text.length() - 1)) {
                    case 's' -> n;
                    case 'm' -> n * 60;
                    default -> n * 3600;
                };
                return Optional.of(now.minusSeconds(seconds));
            }
            return Optional.of(dev.strata.core.oci.ImageConfig.parseTime(text));
        } catch (RuntimeException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid time value: " + text);
        }
    }
}
