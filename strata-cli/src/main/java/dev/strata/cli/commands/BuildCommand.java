package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.build.StepFailedException;
import dev.strata.core.engine.BuildRequest;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * {@code build}: builds an image from a Dockerfile and a context, printing the steps as Docker's classic builder
 * does. A failing RUN ends with Docker's {@code The command '...' returned a non-zero code: N} and exit code 1.
 */
public final class BuildCommand implements Callable<Integer> {
    private final Cli cli;
    private String context;
    private String file;
    private List<String> tags = List.of();
    private List<String> buildArgs = List.of();
    private List<String> labels = List.of();
    private String target;
    private boolean noCache;
    private boolean pull;
    private boolean quiet;
    private String iidFile;
    private boolean removeContainers = true;
    private boolean forceRemove;
    private String network;
    private boolean squash;
    private String sourceDateEpoch;

    private BuildCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        BuildCommand c = new BuildCommand(cli);
        return Syntax.of(c, "build", "Build an image from a Dockerfile")
                .option("-f, --file", "string", "Name of the Dockerfile (default: \"PATH/Dockerfile\")", v -> c.file = v)
                .repeatable("-t, --tag", "list", "Name and optionally a tag in the \"name:tag\" format", v -> c.tags = v)
                .repeatable("--build-arg", "list", "Set build-time variables", v -> c.buildArgs = v)
                .option("--target", "string", "Set the target build stage to build", v -> c.target = v)
                .repeatable("--label", "list", "Set metadata for an image", v -> c.labels = v)
                .flag("--no-cache", "Do not use cache when building the image", v -> c.noCache = v)
                .flag("--pull", "Always attempt to pull a newer version of the image", v -> c.pull = v)
                .flag("-q, --quiet", "Suppress the build output and print image ID on success", v -> c.quiet = v)
                .option("--iidfile", "string", "Write the image ID to the file", v -> c.iidFile = v)
                .optionalBoolean("--rm", "<true|false>", "Remove intermediate containers after a successful build",
                        v -> c.removeContainers = v)
                .flag("--force-rm", "Always remove intermediate containers", v -> c.forceRemove = v)
                .option("--network", "string", "Set the networking mode for the RUN instructions during build (none, host, slirp4netns; default none)",
                        v -> c.network = v)
                .flag("--squash", "Squash newly built layers into a single new layer", v -> c.squash = v)
                .option("--source-date-epoch", "seconds",
                        "Timestamp for every time the build writes, for reproducible images (default: $SOURCE_DATE_EPOCH)",
                        v -> c.sourceDateEpoch = v)
                .parameter("0", "1", "PATH | URL | -", v -> c.context = v)
                .line();
    }

    @Override
    public Integer call() {
        BuildRequest request = new BuildRequest(tags(), buildArgs(), Optional.ofNullable(target), labels(), noCache,
                network, squash, removeContainers, forceRemove, epoch(), pull, Optional.of(RegistryEnvironment.settings(cli)));
        BuildPrinter printer = new BuildPrinter(quiet ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream())
                : cli.out());
        Digest id;
        try {
            id = cli.engine().build(context, file, Path.of("").toAbsolutePath(), cli::in, request, printer);
        } catch (StepFailedException e) {
            printer.flush();
            cli.err().println(e.getMessage());
            return 1;
        }
        printer.flush();
        if (quiet) {
            cli.out().println(id);
        }
        if (iidFile != null) {
            try {
                Files.writeString(Path.of(iidFile), id.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot write the image ID to " + iidFile + ": "
                        + e.getMessage(), e);
            }
        }
        return 0;
    }

    private List<Reference> tags() {
        return tags.stream().map(t -> {
            Reference ref = Reference.parse(t).withDefaultTag();
            if (ref.digest() != null) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "invalid argument \"" + t + "\" for \"-t, --tag\" flag: a tag cannot hold a digest");
            }
            return ref;
        }).toList();
    }

    /** {@code KEY=VALUE}, or {@code KEY} alone for the value this process's environment has (none: skipped). */
    private Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : buildArgs) {
            int eq = arg.indexOf('=');
            if (eq == 0) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "invalid argument \"" + arg + "\" for \"--build-arg\" flag: variable name is missing");
            }
            if (eq > 0) {
                args.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (cli.env().containsKey(arg)) {
                args.put(arg, cli.env().get(arg));
            }
        }
        return args;
    }

    private Map<String, String> labels() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            map.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        return map;
    }

    private Optional<Instant> epoch() {
        String value = sourceDateEpoch != null ? sourceDateEpoch : cli.env().get("SOURCE_DATE_EPOCH");
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "invalid SOURCE_DATE_EPOCH \"" + value + "\": a number of seconds since 1970 is needed");
        }
    }
}
