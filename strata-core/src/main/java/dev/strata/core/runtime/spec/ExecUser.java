package dev.strata.core.runtime.spec;

import java.util.List;
import java.util.Objects;

/**
 * The identity a container process runs with, resolved from a {@code -u} value and the root filesystem's user
 * database: user and group IDs, the supplementary groups the user is a member of in {@code /etc/group} (the
 * spec's {@code additionalGids} are the primary GID followed by these, as Docker writes them), and the home
 * directory ({@code /} when the user has no passwd entry or an empty one).
 */
public record ExecUser(int uid, int gid, List<Integer> supplementaryGids, String home) {
    public ExecUser {
        supplementaryGids = List.copyOf(supplementaryGids);
        Objects.requireNonNull(home, "home");
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("negative uid or gid: " + uid + ":" + gid);
        }
    }
}
