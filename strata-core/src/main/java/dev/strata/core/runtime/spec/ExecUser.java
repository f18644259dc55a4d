package dev.strata.core.runtime.spec;

import java.util.List;
import java.util.Objects;

/**
 * The identity a container process runs with, resolved from a {@code -u} value and the root filesystem's user
 * database: user and group IDs, supplementary group IDs, and the home directory ({@code /} when the user has
 * no passwd entry or an empty one).
 */
public record ExecUser(int uid, int gid, List<Integer> additionalGids, String home) {
    public ExecUser {
        additionalGids = List.copyOf(additionalGids);
        Objects.requireNonNull(home, "home");
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("negative uid or gid: " + uid + ":" + gid);
        }
    }
}
