package dev.strata.core.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * OCI bundles over a busybox root filesystem for tests that run real containers: the rootfs from Debian's
 * busybox-static with an applet link for every command, and a config.json from {@code runc spec}, edited.
 */
public final class BusyboxBundles {
    public static final Path RUNC = Path.of("/usr/sbin/runc");
    public static final Path CONMON = Path.of("/usr/bin/conmon");
    private static final Path BUSYBOX = Path.of("/bin/busybox");

    private final Path rootfs;

    private BusyboxBundles(Path rootfs) {
        this.rootfs = rootfs;
    }

    /** Builds the root filesystem under {@code dir}; bundles made later share it. */
    public static BusyboxBundles create(Path dir) throws IOException, InterruptedException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
        String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (list.waitFor() != 0) {
            throw new IOException("busybox --list failed");
        }
        for (String applet : applets.strip().split("\n")) {
            if (!applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/sh
                app:x:1000:1000:app:/home/app:/bin/sh
                nobody:x:65534:65534:nobody:/nonexistent:/bin/false
                """);
        Files.writeString(etc.resolve("group"), "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n");
        for (String mountPoint : List.of("proc", "dev", "sys", "tmp", "root")) {
            Files.createDirectories(rootfs.resolve(mountPoint));
        }
        return new BusyboxBundles(rootfs);
    }

    /** A container ID no other test run uses. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public Path rootfs() {
        return rootfs;
    }

    /** A bundle in {@code bundle} (created) running {@code args}, with or without a terminal. */
    public Path bundle(Path bundle, boolean terminal, String... args) throws IOException, InterruptedException {
        Files.createDirectories(bundle);
        Process spec = new ProcessBuilder(RUNC.toString(), "spec", "--bundle", bundle.toString())
                .redirectErrorStream(true).start();
        String said = new String(spec.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (spec.waitFor() != 0) {
            throw new IOException("runc spec failed: " + said);
        }
        Path configFile = bundle.resolve("config.json");
        ObjectNode config = (ObjectNode) Json.tree(Files.readAllBytes(configFile), "config.json");
        ObjectNode process = (ObjectNode) config.get("process");
        process.put("terminal", terminal);
        ArrayNode argv = process.putArray("args");
        for (String arg : args) {
            argv.add(arg);
        }
        // runc spec's limit is fine here, but no spec may ask for more than this sandbox's hard limit
        process.remove("rlimits");
        ObjectNode root = (ObjectNode) config.get("root");
        root.put("path", rootfs.toString());
        root.put("readonly", false);
        Files.write(configFile, Json.write(config));
        return bundle;
    }

    /** A runtime-spec process object for {@code exec}, written to {@code file}. */
    public static Path process(Path file, boolean terminal, String... args) throws IOException {
        ObjectNode process = Json.mapper().createObjectNode();
        process.put("terminal", terminal);
        process.putObject("user").put("uid", 0).put("gid", 0);
        ArrayNode argv = process.putArray("args");
        for (String arg : args) {
            argv.add(arg);
        }
        process.putArray("env").add("PATH=/bin").add("TERM=xterm");
        process.put("cwd", "/");
        Files.createDirectories(file.getParent());
        Files.write(file, Json.write(process));
        return file;
    }

    /** Reads a JSON file, for assertions on what a bundle holds. */
    public static JsonNode json(Path file) throws IOException {
        return Json.tree(Files.readAllBytes(file), file.toString());
    }
}
