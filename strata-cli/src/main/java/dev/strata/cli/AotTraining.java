package dev.strata.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The workload the launcher runs once after a build to record the ahead-of-time class caches: the everyday
 * commands against a throwaway store, in one JVM, so their classes load ready-linked on every later start.
 */
public final class AotTraining {
    private AotTraining() {}

    /**
     * {@code AotTraining DIR} runs every everyday command with a store under DIR (left there for the next
     * training); {@code AotTraining DIR images} only lists that store's images, for the small cache the
     * launcher uses for {@code images}, whose start-up time matters most. {@code AotTraining DIR run-setup} makes
     * the image {@code AotTraining DIR run} runs containers of (attached and detached, with their clean-up), for the
     * cache of {@code run}; containers run only as root with runc and conmon installed, else {@code run} is trained
     * on a refusal. {@code AotTraining DIR build} trains the cache of {@code build} on that image, and
     * {@code AotTraining DIR commit} the cache of {@code commit} on the containers {@code commit-setup} made of it.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        String store = root.resolve("store").toString();
        String mode = args.length > 1 ? args[1] : "";
        switch (mode) {
            case "images" -> run(store, new String[][] {{"images"}, {"images", "-q"}, {"images", "--format", "{{.ID}}"}});
            case "run-setup" -> runSetup(root, store);
            case "run" -> trainRun(store);
            case "build" -> trainBuild(root, store);
            case "commit-setup" -> commitSetup(store);
            case "commit" -> run(store, new String[][] {{"commit", COMMITTED[0], "training:commit-0"},
                    {"commit", COMMITTED[1], "training:commit-1"}, {"commit", COMMITTED[2], "training:commit-2"}});
            default -> everyday(root, store);
        }
    }

    private static void everyday(Path root, String store) throws IOException {
        // save, load and the container verbs ask whether stdout is a terminal; images never does, and its cache
        // stays without the native-call classes that asking loads
        Terminal.system().stdoutIsTerminal();
        Files.createDirectories(root);
        Path tar = root.resolve("rootfs.tar");
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            add(out, "etc/hello", 0644, "trained\n".getBytes(StandardCharsets.UTF_8));
        }
        Path archive = root.resolve("saved.tar");
        Path context = Files.createDirectories(root.resolve("context/files"));
        Files.writeString(context.resolve("a.txt"), "trained\n");
        // a subdirectory: the context walk meets directories below the copied one in every real build
        Files.writeString(Files.createDirectories(context.resolve("sub")).resolve("b.txt"), "trained\n");
        Files.writeString(context.getParent().resolve("Dockerfile"),
                "FROM training:1\nLABEL purpose=training\nENV A=1\nWORKDIR /app\nCOPY files /app/files\n"
                        + "COPY [\"files/a.txt\", \"/b.txt\"]\nEXPOSE 80\nCMD [\"sh\"]\n"
                        // last: the training image has no programs, so this RUN fails, but its classes are trained
                        + "RUN [\"/bin/true\"]\n");
        run(store, new String[][] {
            {"import", "-c", "CMD [\"sh\"]", tar.toString(), "training:1"},
            {"images"},
            {"images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"},
            {"image", "inspect", "training:1"},
            {"inspect", "-f", "{{.Id}}", "training:1"},
            {"history", "training:1"},
            // a build (its copies need root for the image's mount; the rest trains anyway), then its cached rebuild
            {"build", "-t", "training:built", context.getParent().toString()},
            {"build", "-q", context.getParent().toString()},
            {"rmi", "training:built"},
            {"tag", "training:1", "training:2"},
            {"save", "-o", archive.toString(), "training:1"},
            {"rmi", "training:1", "training:2"},
            {"load", "-i", archive.toString()},
            // a container that never runs needs no root: create it, then commit it below
            {"create", "--name", "training-commit", "training:1"},
        });
        writeChanges(store, "training-commit");
        run(store, new String[][] {
            {"commit", "training-commit", "training:3"},
            {"ps", "-a"},
            {"rm", "training-commit"},
            {"rmi", "training:3"},
            {"system", "df"},
            {"volume", "create", "training"},
            {"volume", "ls"},
            {"volume", "inspect", "training"},
            {"volume", "rm", "training"},
            {"images", "-q"},
        });
    }

    /**
     * Puts into the container's writable layer what a process in it would have left: new directories of small
     * files. A commit of an empty layer would train none of the code a real commit spends its time in (reading
     * the changes, writing and unpacking the layer).
     */
    private static void writeChanges(String store, String container) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        Main.run(new String[] {"--root", store, "inspect", "-f", "{{.GraphDriver.Data.UpperDir}}", container},
                new java.io.ByteArrayInputStream(new byte[0]), printed, new ByteArrayOutputStream(), printed, Map.of(),
                Terminal.of(false, false));
        Path upper = Path.of(out.toString(StandardCharsets.UTF_8).strip());
        if (!Files.isDirectory(upper)) {
            return; // nothing to train with; the commit below still runs
        }
        for (int d = 0; d < 4; d++) {
            Path dir = Files.createDirectories(upper.resolve("data/d" + d));
            for (int f = 0; f < 50; f++) {
                Files.writeString(dir.resolve("f" + f), "file " + d + " " + f + " of the training's changes\n");
            }
        }
    }

    /** The image of the run training: a static {@code /bin/true} for this machine, and users to resolve. */
    private static void runSetup(Path root, String store) throws IOException {
        Files.createDirectories(root);
        Path tar = root.resolve("run-rootfs.tar");
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            byte[] exit = TrainingExecutable.exitZero(System.getProperty("os.arch"));
            if (exit.length > 0) {
                add(out, "bin/true", 0755, exit);
            }
            add(out, "etc/passwd", 0644, "root:x:0:0:root:/root:/bin/true\n".getBytes(StandardCharsets.UTF_8));
            add(out, "etc/group", 0644, "root:x:0:\n".getBytes(StandardCharsets.UTF_8));
        }
        run(store, new String[][] {{"import", "-c", "CMD [\"/bin/true\"]", tar.toString(), "training:run"}});
    }

    /**
     * {@code run} as people time it ({@code --rm}, attached, no network), a few times so that its methods are
     * profiled, then a detached run and the clean-up its monitor calls back for. Every command returns on its own,
     * whatever fails: a training that hung would hang the build.
     */
    private static void trainRun(String store) {
        Terminal.system().stdoutIsTerminal();
        if (!canRunContainers()) {
            run(store, new String[][] {{"run", "--rm", "--network", "none", "training:run", "/bin/true"}});
            return;
        }
        String[] attached = {"run", "--rm", "--network", "none", "training:run", "/bin/true"};
        // A real container is still running at the first look for its exit file, and the wait then asks whether its
        // monitor is alive (reading /proc); the training's containers have always ended by then.
        dev.strata.core.sys.Processes.isRunning((int) ProcessHandle.current().pid());
        run(store, new String[][] {
            attached, attached, attached,
            {"run", "--network", "none", "--name", "training-run", "training:run"},
            {"run", "-d", "--network", "none", "--name", "training-detached", "training:run"},
            // stop, not wait: it returns even for a container that never started
            {"stop", "-t", "1", "training-detached"},
            {"container", "cleanup", "training-detached"},
            {"rm", "-f", "training-run", "training-detached"},
        });
    }

    /**
     * {@code build} as people time it: a first build of a context of a few directories (its RUN runs a container
     * when root can, as {@link #trainRun} does), then the same build cached, then after a file was touched, on the
     * image {@code run-setup} made. Every build returns on its own, whatever fails.
     */
    private static void trainBuild(Path root, String store) throws IOException {
        Terminal.system().stdoutIsTerminal();
        Path context = root.resolve("build-context");
        Path files = Files.createDirectories(context.resolve("files"));
        for (int d = 0; d < 4; d++) {
            Path dir = Files.createDirectories(files.resolve("d" + d));
            for (int f = 0; f < 50; f++) {
                Files.writeString(dir.resolve("f" + f + ".txt"), "file " + d + " " + f + " of the context\n");
            }
        }
        Files.write(context.resolve("big.bin"), new byte[1 << 20]);
        Files.writeString(context.resolve("Dockerfile"), "FROM training:run\nLABEL purpose=training\nENV A=1\n"
                + "WORKDIR /app\nRUN [\"/bin/true\"]\nCOPY big.bin /data/big.bin\nCOPY files /app/files\n"
                + "EXPOSE 80\nCMD [\"/bin/true\"]\n");
        String[] build = {"build", "-t", "training:built", context.toString()};
        run(store, new String[][] {build, build, build});
        Files.setLastModifiedTime(files.resolve("d1/f7.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
        run(store, new String[][] {build, build, {"rmi", "training:built"}});
    }

    /** The containers the commit training commits. */
    private static final String[] COMMITTED = {"training-commit-0", "training-commit-1", "training-commit-2"};

    /**
     * The containers of the commit training, made by a JVM of their own so that {@code run}'s classes stay out of
     * {@code commit}'s cache: stopped containers that wrote a few directories of small files, as people time
     * {@code commit}, on the image {@code run-setup} made (they ran when root can run them, else they are only
     * created).
     */
    private static void commitSetup(String store) throws IOException {
        boolean real = canRunContainers();
        for (String name : COMMITTED) {
            run(store, new String[][] {real ? new String[] {"run", "--network", "none", "--name", name, "training:run"}
                    : new String[] {"create", "--name", name, "training:run"}});
            writeChanges(store, name);
        }
    }

    /** Running a container needs root, runc and conmon where the engine looks for them, and a /bin/true for us. */
    private static boolean canRunContainers() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/sbin/runc")) && Files.isExecutable(Path.of("/usr/bin/conmon"))
                && TrainingExecutable.exitZero(System.getProperty("os.arch")).length > 0;
    }

    private static void add(TarArchiveOutputStream out, String name, int mode, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }

    /** Runs each command in this JVM against the store, output discarded. */
    private static void run(String store, String[][] commands) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        StartupWarmer.start(commands.length > 0 ? commands[0] : new String[0]); // what Main.main does first, so that its classes are in the cache too
        Terminal.system(); // Main.main makes it for every command (asking it is another matter: see everyday)
        for (String[] command : commands) {
            String[] full = new String[command.length + 2];
            full[0] = "--root";
            full[1] = store;
            System.arraycopy(command, 0, full, 2, command.length);
            Main.run(full, new java.io.ByteArrayInputStream(new byte[0]), sink, new ByteArrayOutputStream(), sink,
                    Map.of(), Terminal.of(false, false));
        }
    }
}
