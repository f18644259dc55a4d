package dev.strata.core.runtime.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The entries of a root filesystem's {@code /etc/passwd} and {@code /etc/group}, parsed leniently as moby's user
 * package parses them: lines are trimmed, blank lines skipped (and {@code #} comments in the group file), missing
 * fields stay empty and unparsable numbers read as 0, because images ship misbehaving files.
 */
record UserDatabase(List<Passwd> passwd, List<Group> groups) {
    /** One line of {@code /etc/passwd}: name:password:UID:GID:GECOS:home:shell. */
    record Passwd(String name, int uid, int gid, String home) {}

    /** One line of {@code /etc/group}: name:password:GID:member,member... */
    record Group(String name, int gid, List<String> members) {
        Group {
            members = List.copyOf(members);
        }
    }

    /** Go's {@code strconv.Atoi} syntax: an optional sign and decimal digits. */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    UserDatabase {
        passwd = List.copyOf(passwd);
        groups = List.copyOf(groups);
    }

    static UserDatabase parse(String passwdText, String groupText) {
        List<Passwd> users = new ArrayList<>();
        for (String line : lines(passwdText, false)) {
            String[] f = fields(line, 7);
            users.add(new Passwd(f[0], number(f[2]), number(f[3]), f[5]));
        }
        List<Group> groups = new ArrayList<>();
        for (String line : lines(groupText, true)) {
            String[] f = fields(line, 4);
            groups.add(new Group(f[0], number(f[2]), f[3].isEmpty() ? List.of() : List.of(f[3].split(",", -1))));
        }
        return new UserDatabase(users, groups);
    }

    /** True for an argument that Go's {@code Atoi} parses, whether or not its value fits. */
    static boolean isInteger(String text) {
        return INTEGER.matcher(text).matches();
    }

    private static List<String> lines(String text, boolean skipComments) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (!line.isEmpty() && !(skipComments && line.startsWith("#"))) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The first {@code count} colon-separated fields, "" for those the line lacks. */
    private static String[] fields(String line, int count) {
        String[] parts = line.split(":", -1);
        String[] fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = i < parts.length ? parts[i] : "";
        }
        return fields;
    }

    private static int number(String field) {
        if (!isInteger(field)) {
            return 0;
        }
        try {
            return Integer.parseInt(field.startsWith("+") ? field.substring(1) : field);
        } catch (NumberFormatException e) {
            return 0; // out of range: a uid the kernel would refuse anyway
        }
    }
}
