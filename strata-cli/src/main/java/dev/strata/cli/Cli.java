package dev.strata.cli;

import dev.strata.core.engine.Engine;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLayout;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root: the only place that reads the environment. Commands get their streams, terminal
 * facts, clock and engine from here.
 */
public final class Cli implements AutoCloseable {
    /** JVM options that write a class cache: the exit command must not copy them from this JVM. */
    private static final java.util.regex.Pattern DUMPING_OPTIONS =
            java.util.regex.Pattern.compile("-XX:(AOTCacheOutput|AOTConfiguration|AOTMode|ArchiveClassesAtExit)=");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final Clock clock = Clock.systemUTC();
    private final java.io.OutputStream rawOut;
    private Path rootOverride;
    private String storageDriverOverride;
    private Engine engine;

    Cli(InputStream in, PrintStream out, java.io.OutputStream rawOut, PrintStream err, Map<String, String> env,
            Terminal terminal) {
        this.in = in;
        this.rawOut = rawOut;
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    void setStorageDriver(String driver) {
        this.storageDriverOverride = driver;
    }

    void setRoot(Path root) {
        this.rootOverride = root;
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    /** Standard output as bytes, unbuffered, for archives (a file descriptor stream, so copies can be zero-copy). */
    public java.io.OutputStream rawOut() {
        return rawOut;
    }

    public PrintStream err() {
        return err;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> env() {
        return env;
    }

    /**
     * Docker's prune prompt: prints the warning and "Are you sure you want to continue? [y/N] ", then reads one
     * line of standard input; true only for an answer starting with y.
     */
    public boolean confirm(String warning) {
        out.println(warning);
        out.print("Are you sure you want to continue? [y/N] ");
        out.flush();
        try {
            String answer = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The store root: --root, else STRATA_ROOT, else /var/lib/strata for root, else the XDG data directory. */
    public Path root() {
        if (rootOverride != null) {
            return rootOverride;
        }
        String fromEnv = env.get("STRATA_ROOT");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Path.of(fromEnv);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/strata");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "strata");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "strata");
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * Debian's runc, conmon and slirp4netns; {@code STRATA_RUNTIME} names another OCI runtime with runc's command
     * line (crun, where it works). The storage driver of new containers: {@code --storage-driver}, else
     * {@code STRATA_STORAGE_DRIVER}, else the store's.
     */
    private dev.strata.core.engine.RuntimeSettings runtimeSettings() {
        var settings = dev.strata.core.engine.RuntimeSettings.defaults().withExitCommand(exitCommand());
        String runtime = env.get("STRATA_RUNTIME");
        if (runtime != null && !runtime.isEmpty()) {
            settings = settings.withRuntime(Path.of(runtime));
        }
        String driver = storageDriverOverride != null ? storageDriverOverride : env.get("STRATA_STORAGE_DRIVER");
        return driver == null || driver.isEmpty() ? settings : settings.withStorageDriver(driver);
    }

    /**
     * How a container's monitor calls back when the container ends: this same program (the JVM and class path
     * running now) with the cleanup verb. When this process is the CLI's own JVM, its options come along (the
     * launcher's start-up flags and ahead-of-time cache make the clean-up start several times faster).
     */
    private static java.util.List<String> exitCommand() {
        ProcessHandle.Info self = ProcessHandle.current().info();
        String javaBinary = self.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.util.List<String> arguments = self.arguments().map(java.util.List::of).orElse(java.util.List.of());
        int main = arguments.indexOf(Main.class.getName());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBinary));
        if (main >= 0 && arguments.contains("-cp")) {
            for (String option : arguments.subList(0, main)) {
                if (!DUMPING_OPTIONS.matcher(option).lookingAt()) { // one JVM writes a cache, not every clean-up
                    command.add(option);
                }
            }
        } else { // run in-process (tests, training): the plain start-up flags
            command.addAll(java.util.List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        }
        command.add(Main.class.getName());
        return java.util.List.copyOf(command);
    }

    public Engine engine() {
        if (engine == null) {
            engine = new Engine(new LocalStore(new StoreLayout(root())), clock, this::runtimeSettings);
        }
        return engine;
    }
}
