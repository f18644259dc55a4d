package dev.strata.cli;

import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.JsonPullParser;
import dev.strata.core.sys.NativeLinks;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Runs, on a second core while the command line is parsed, the one-time work that nearly every command meets
 * later on its critical path: class initialisers and first uses (the JSON parser, the first date parse). Whichever
 * thread gets there first does the work once; the other waits or finds it done, so nothing here changes behaviour,
 * only when the cost is paid.
 * Commands that run containers or write layers also link the native calls they will make; listing commands
 * link the template engine.
 */
final class StartupWarmer {
    private StartupWarmer() {}

    /**
     * What a command will need beyond a date parse, all commands' common ground: a JSON read too, except for
     * {@code images}, which reads one small document (the image index), too soon for a warm-up to be of use.
     */
    private enum Needs { CONTAINERS, LAYERS, BUILD, TABLES, IMAGE_TABLE, NOTHING_MORE }

    /** The verbs that start a container's process: they mount, open the monitor's socket, make namespaces. */
    private static final Set<String> STARTING = Set.of("run", "start", "restart", "exec", "attach", "create");
    /**
     * The verbs that read, write or hash layers: they stat, read attributes, create files, and digest what they move
     * (a build has warm-ups of its own).
     */
    private static final Set<String> LAYERS = Set.of("commit", "load", "import", "pull", "push", "save");
    /** The verbs that print tables through the Go-template engine. */
    private static final Set<String> TABLES = Set.of("ps", "history", "volume", "system", "ls", "list");

    /** Starts the warm-up on a daemon thread: it never delays the exit. */
    static void start(String[] args) {
        Needs needs = needs(args);
        Thread.ofPlatform().daemon().name("strata-warm-up").start(() -> warm(needs));
    }

    private static Needs needs(String[] args) {
        String group = Verbs.word(args, 0);
        String verb = group;
        if ("container".equals(group) || "image".equals(group)) {
            verb = Verbs.word(args, 1);
        }
        if (verb == null) {
            return Needs.NOTHING_MORE;
        }
        if (verb.equals("images") || "image".equals(group) && (verb.equals("ls") || verb.equals("list"))) {
            return Needs.IMAGE_TABLE;
        }
        return STARTING.contains(verb) ? Needs.CONTAINERS : LAYERS.contains(verb) ? Needs.LAYERS
                : verb.equals("build") ? Needs.BUILD : TABLES.contains(verb) ? Needs.TABLES : Needs.NOTHING_MORE;
    }

    private static void warm(Needs needs) {
        if (needs == Needs.CONTAINERS) {
            // the native calls (a container's mount comes some 50 ms in; conmon and runc are started through
            // posix_spawn); the main thread meanwhile reads the image's JSON
            NativeLinks.linkForContainers();
        } else if (needs == Needs.LAYERS) {
            NativeLinks.linkForLayers();
        } else if (needs == Needs.BUILD) {
            warmBuild();
        }
        if (needs != Needs.IMAGE_TABLE) {
            warmJson();
        }
        ImageConfig.parseTime("2000-01-01T00:00:00.000000000Z");
        if (needs == Needs.TABLES || needs == Needs.IMAGE_TABLE) {
            // the Go-template engine's pattern switches are linked on first use (their bootstraps are not in the
            // ahead-of-time cache): a table of two rows links them here
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("A", "a");
            row.put("B", 1L);
            new dev.strata.cli.format.Formatter(Map.of("A", "A", "B", "B"), "table {{.A}}\t{{.B}}")
                    .render(null, java.util.List.of(row, row));
        }
    }

    /**
     * A build's first COPY stats a file by path (the system call handle linked, and a C string made through the
     * foreign memory API for the first time, some 5 ms) before its context walk makes a system call per file; its
     * first step's cache key is a SHA-256 (libcrypto loaded with the link).
     */
    private static void warmBuild() {
        dev.strata.core.sys.NativeSha256.isNative(); // libcrypto first: the first cache key comes before the first COPY
        NativeLinks.linkForLayers();
        try {
            dev.strata.core.sys.PosixFiles.lstatIfExists(java.nio.file.Path.of("/"));
        } catch (java.io.IOException | RuntimeException e) {
            // a warm-up must never fail a command
        }
    }

    private static void warmJson() {
        try {
            byte[] document = "{\"a\":[1,\"b\\n\",true,null]}".getBytes(StandardCharsets.UTF_8);
            JsonPullParser parser = new JsonPullParser(document);
            while (parser.nextToken() != null) {
                parser.getText(); // reading to the end links the parser's paths as the command's first read will
            }
        } catch (RuntimeException e) {
            // a warm-up must never fail a command: the real read reports any real problem
        }
    }
}
