package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.runtime.conmon.LogOptions;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code logs}: a container's output, stdout to stdout and stderr to stderr. */
public final class LogsCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean follow;
    private boolean timestamps;
    private String tail;
    private String since;
    private String until;
    private boolean details;
    private String container;

    private LogsCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        LogsCommand c = new LogsCommand(cli);
        return Syntax.of(c, "logs", "Fetch the logs of a container")
                .flag("-f, --follow", "Follow log output", v -> c.follow = v)
                .flag("-t, --timestamps", "Show timestamps", v -> c.timestamps = v)
                .option("-n, --tail", "<tail>", "Number of lines to show from the end of the logs (default \"all\")",
                        v -> c.tail = v)
                .option("--since", "<since>",
                        "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m)", v -> c.since = v)
                .option("--until", "<until>", "Show logs before a timestamp or relative (e.g. 42m)", v -> c.until = v)
                .flag("--details", "Show extra details provided to logs (none are recorded)", v -> c.details = v)
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .line();
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
