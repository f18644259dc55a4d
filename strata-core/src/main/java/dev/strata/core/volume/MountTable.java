package dev.strata.core.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The mount points of this process's mount namespace, from {@code /proc/self/mountinfo}: removing a volume must
 * never walk into a file system mounted on it (a {@code -o type=none -o o=bind} volume would lose the host's
 * files). Stateless.
 */
final class MountTable {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private MountTable() {}

    /** True if something is mounted on {@code directory} or anywhere below it. */
    static boolean hasMountAtOrBelow(Path directory) throws IOException {
        String prefix = directory.toAbsolutePath().normalize().toString();
        for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
            String point = mountPoint(line);
            if (point != null && (point.equals(prefix) || point.startsWith(prefix + "/"))) {
                return true;
            }
        }
        return false;
    }

    /** The fifth field of a mountinfo line, its octal escapes (space is {@code \040}) undone. */
    static String mountPoint(String line) {
        List<String> fields = List.of(line.split(" "));
        return fields.size() < 5 ? null : unescape(fields.get(4));
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '7') {
                return false;
            }
        }
        return true;
    }
}
