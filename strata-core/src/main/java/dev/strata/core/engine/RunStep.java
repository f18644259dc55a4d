package dev.strata.core.engine;

import dev.strata.core.archive.LayerWriter;
import dev.strata.core.build.BuildEvent;
import dev.strata.core.build.BuildListener;
import dev.strata.core.build.CacheKey;
import dev.strata.core.build.StepFailedException;
import dev.strata.core.build.dockerfile.Command;
import dev.strata.core.build.dockerfile.Heredoc;
import dev.strata.core.build.dockerfile.Run;
import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.RunOptions;
import dev.strata.core.runtime.conmon.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A RUN step: a container of the stage's image runs the command with the build arguments in its environment, its
 * output streamed to the listener; on success its changes are committed as the step's layer. The container is
 * removed afterwards (after a failure too, unless the build keeps containers).
 */
final class RunStep {
    private final Containers containers;
    private final StepCommitter committer;
    private final BuildListener listener;
    private final BuildRequest request;
    private final dev.strata.core.content.Scratch scratch;

    RunStep(Containers containers, StepCommitter committer, BuildListener listener, BuildRequest request,
            dev.strata.core.content.Scratch scratch) {
        this.containers = containers;
        this.scratch = scratch;
        this.committer = committer;
        this.listener = listener;
        this.request = request;
    }

    BuildStage run(BuildStage stage, Run run, int number) {
        List<String> command = command(run, stage.config().shell());
        List<String> buildArgs = stage.args().historyArgs(stage.config().env());
        String createdBy = (buildArgs.isEmpty() ? "" : "|" + buildArgs.size() + " " + String.join(" ", buildArgs) + " ")
                + String.join(" ", command);
        CacheKey key = committer.key(stage).add("RUN").add(createdBy).build();
        Optional<BuildStage> cached = committer.cached(key, stage, stage.config());
        if (cached.isPresent()) {
            return cached.get();
        }
        Path script = script(run);
        List<String> process = script == null ? command : List.of(SCRIPTS + script.getFileName());
        List<String> binds = script == null ? List.of() : List.of(script + ":" + process.getFirst() + ":ro");
        RunOptions options = new RunOptions(stage.image().toString(), process, null,
                stage.args().runEnv(stage.config().env()), null, null, "", null, null, binds, null, null, null, false,
                network(run), false, false, false, false, false, null, null);
        ContainerRecord container;
        try {
            container = containers.create(options, Path.of("/"));
        } catch (RuntimeException e) {
            removeScript(script);
            throw e;
        }
        boolean succeeded = false;
        try {
            listener.event(new BuildEvent.Running(container.id().substring(0, 12)));
            int exit = runAttached(container.id());
            if (exit != 0) {
                throw new StepFailedException(String.join(" ", command), exit);
            }
            BuildStage next = containers.commitChanges(container.id(), Committer.topChain(stage.stored()), layerWriter(),
                    layer -> committer.commit(stage, key, stage.config(), createdBy, layer, "build step " + number));
            succeeded = true;
            return next;
        } finally {
            if (succeeded ? request.removeContainers() : request.forceRemove() || request.removeContainers()) {
                containers.remove(container.id(), true, true);
                listener.event(new BuildEvent.ContainerRemoved(container.id().substring(0, 12)));
            }
            removeScript(script);
        }
    }

    private static void removeScript(Path script) {
        if (script != null) {
            ContainerStarter.deleteQuietly(script);
        }
    }

    /** Where a heredoc script is mounted in the container, as BuildKit does. */
    private static final String SCRIPTS = "/dev/pipes/";

    /**
     * A RUN whose whole command is one heredoc starting with {@code #!} is a script for that interpreter, not shell
     * text: it is written to a file, mounted into the container and executed. Null for every other RUN.
     */
    private Path script(Run run) {
        if (!(run.command() instanceof Command.ShellForm shell) || run.heredocs().size() != 1) {
            return null;
        }
        Heredoc heredoc = run.heredocs().getFirst();
        if (!isWholeCommand(shell.text(), heredoc) || !heredoc.text().startsWith("#!")) {
            return null;
        }
        try {
            Path file = scratch.newPath("heredoc-");
            java.nio.file.Files.writeString(file, heredoc.text());
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWholeCommand(String text, Heredoc heredoc) {
        return text.strip().matches("<<-?[\"']?" + java.util.regex.Pattern.quote(heredoc.name()) + "[\"']?");
    }

    private LayerWriter layerWriter() {
        return request.sourceDateEpoch().map(LayerWriter::clampingTimesTo).orElseGet(LayerWriter::new);
    }

    private int runAttached(String id) {
        try (Attachment attachment = containers.startAttached(id, false)) {
            attachment.pump(InputStream.nullInputStream(), listener.stdout(), listener.stderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return containers.awaitExit(id);
    }

    /** RUN's network: the flag's, else the build's; Docker's {@code default} is the build's. */
    private String network(Run run) {
        String mode = run.network().isEmpty() || run.network().equals("default") ? request.network() : run.network();
        return switch (mode) {
            case "none", "host" -> mode;
            default -> null; // the container default: slirp4netns
        };
    }

    /**
     * The process a RUN starts: exec form as written; shell form given to the stage's shell. A heredoc that is the
     * whole command is the shell's script; heredocs after a command are joined to it, as Docker does.
     */
    static List<String> command(Run run, List<String> shell) {
        if (run.command() instanceof Command.ExecForm exec) {
            return exec.args();
        }
        String text = ((Command.ShellForm) run.command()).text();
        if (!run.heredocs().isEmpty()) {
            Heredoc first = run.heredocs().getFirst();
            if (run.heredocs().size() == 1 && isWholeCommand(text, first)) {
                text = first.text();
            } else {
                StringBuilder joined = new StringBuilder(text);
                for (Heredoc h : run.heredocs()) {
                    joined.append('\n').append(h.text()).append(h.name());
                }
                text = joined.toString();
            }
        }
        List<String> all = new ArrayList<>(shell);
        all.add(text);
        return List.copyOf(all);
    }
}
