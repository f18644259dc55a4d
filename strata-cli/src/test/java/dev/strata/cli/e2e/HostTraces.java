package dev.strata.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What containers of one store root leave on the host: mounts under the root (overlay roots, network namespace
 * files, binds) and processes whose command line names the root (conmon, slirp4netns, the exit command).
 */
final class HostTraces {
    private HostTraces() {}

    /** Mount points at or below {@code root}, from this process's mount table. */
    static List<String> mountsUnder(Path root) throws IOException {
        String prefix = root.toAbsolutePath().toString();
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String mountPoint = unescape(line.split(" ")[4]);
            if (mountPoint.equals(prefix) || mountPoint.startsWith(prefix + "/")) {
                found.add(mountPoint);
            }
        }
        return found;
    }

    /** Live processes (zombies aside) whose command line mentions {@code text}, as "PID command line". */
    static List<String> processesMentioning(String text) throws IOException {
        List<String> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : all) {
                String cmdline;
                try {
                    if (Long.parseLong(proc.getFileName().toString()) == self || !isAlive(proc)) {
                        continue;
                    }
                    cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').strip();
                } catch (IOException e) {
                    continue; // it ended while we looked
                }
                if (cmdline.contains(text)) {
                    found.add(proc.getFileName() + " " + cmdline);
                }
            }
        }
        return found;
    }

    /** Whether a process with this PID runs (not a zombie) and its kernel name is {@code comm}. */
    static boolean isRunning(int pid, String comm) {
        Path proc = Path.of("/proc", Integer.toString(pid));
        try {
            return isAlive(proc) && Files.readString(proc.resolve("comm")).strip().equals(comm);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until nothing of the root is mounted and no process names it; the monitor's exit command may still be
     * tidying up for a moment after a container ends. Fails with what is left after a minute.
     */
    static void awaitNone(Path root) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<String> mounts = mountsUnder(root);
            List<String> processes = processesMentioning(root.toAbsolutePath().toString());
            if (mounts.isEmpty() && processes.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("left behind: mounts " + mounts + ", processes " + processes);
            }
            Thread.sleep(50);
        }
    }

    private static boolean isAlive(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
