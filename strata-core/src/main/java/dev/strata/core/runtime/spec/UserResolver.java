package dev.strata.core.runtime.spec;

import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves a {@code docker run -u} value ({@code ""}, {@code name}, {@code uid}, {@code name:group},
 * {@code uid:gid}, {@code uid:group}...) against a root filesystem's {@code /etc/passwd} and {@code /etc/group}
 * with the rules of moby's user package, which Docker and runc share:
 *
 * <ul>
 *   <li>a numeric user is a UID and needs no passwd entry; a name must have one;</li>
 *   <li>an explicit group (after the first colon) sets the GID, numeric or by name, and then there are no
 *       supplementary groups; otherwise the GID is the passwd entry's and the supplementary groups are those
 *       listing the user's name as a member;</li>
 *   <li>an empty user means UID 0, and root's passwd entry if there is one;</li>
 *   <li>IDs must be in 0..2147483647; the first matching line wins.</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class UserResolver {
    private static final int MAX_ID = Integer.MAX_VALUE;

    private UserResolver() {}

    /**
     * Resolves {@code user} against the files in {@code rootfs}, whose symbolic links are followed as if
     * {@code rootfs} were {@code /}. A missing file counts as an empty one.
     *
     * @throws StrataException NOT_FOUND for a user or group name without an entry, INVALID_ARGUMENT for an ID
     *         out of range, SYSTEM when the files cannot be read
     */
    public static ExecUser resolve(Path rootfs, String user) {
        String passwd = UserFiles.read(rootfs, "/etc/passwd");
        String group = UserFiles.read(rootfs, "/etc/group");
        return resolve(user, UserDatabase.parse(passwd, group));
    }

    static ExecUser resolve(String spec, UserDatabase db) {
        int colon = spec.indexOf(':');
        String userArg = colon < 0 ? spec : spec.substring(0, colon);
        String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
        Integer uidArg = numeric(userArg);
        Integer gidArg = numeric(groupArg);

        int uid = 0;
        int gid = 0;
        String home = "";
        String matchedName = null;
        UserDatabase.Passwd entry = db.passwd().stream()
                .filter(u -> matches(u, userArg, uidArg))
                .findFirst().orElse(null);
        if (entry != null) {
            matchedName = entry.name();
            uid = checkRange(entry.uid());
            gid = checkRange(entry.gid());
            home = entry.home();
        } else if (!userArg.isEmpty()) {
            if (uidArg == null) {
                throw new StrataException(Kind.NOT_FOUND, "cannot set the container's user: unable to find user "
                        + userArg + ": no matching entries in passwd file (use a numeric uid, or a user the "
                        + "image's /etc/passwd has)");
            }
            uid = uidArg;
        }

        List<Integer> supplementary = List.of();
        if (!groupArg.isEmpty()) {
            UserDatabase.Group match = db.groups().stream()
                    .filter(g -> gidArg != null ? g.gid() == gidArg : g.name().equals(groupArg))
                    .findFirst().orElse(null);
            if (match != null) {
                gid = checkRange(match.gid());
            } else if (gidArg != null) {
                gid = gidArg;
            } else {
                throw new StrataException(Kind.NOT_FOUND, "cannot set the container's user: unable to find group "
                        + groupArg + ": no matching entries in group file (use a numeric gid, or a group the "
                        + "image's /etc/group has)");
            }
        } else if (matchedName != null) {
            String name = matchedName;
            supplementary = db.groups().stream()
                    .filter(g -> g.members().contains(name))
                    .map(g -> checkRange(g.gid()))
                    .toList();
        }
        return new ExecUser(uid, gid, supplementary, home.isEmpty() ? "/" : home);
    }

    /** An empty user means UID 0; a numeric one is always a UID, never a name. */
    private static boolean matches(UserDatabase.Passwd entry, String userArg, Integer uidArg) {
        if (userArg.isEmpty()) {
            return entry.uid() == 0;
        }
        return uidArg != null ? entry.uid() == uidArg : entry.name().equals(userArg);
    }

    /** The ID an argument names, or null for a name; out of range is an error, as in moby. */
    private static Integer numeric(String arg) {
        if (arg.isEmpty() || !UserDatabase.isInteger(arg)) {
            return null;
        }
        String digits = arg.startsWith("+") ? arg.substring(1) : arg;
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            value = -1; // more digits than a long holds: out of range either way
        }
        return checkRange(value);
    }

    private static int checkRange(long id) {
        if (id < 0 || id > MAX_ID) {
            throw new StrataException(Kind.INVALID_ARGUMENT,
                    "cannot set the container's user: uids and gids must be in range 0-" + MAX_ID);
        }
        return (int) id;
    }
}
