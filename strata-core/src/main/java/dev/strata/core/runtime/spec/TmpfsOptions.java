package dev.strata.core.runtime.spec;

import dev.strata.core.StrataException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a {@code --tmpfs} mount, merged as Docker merges them: its defaults first, then the user's,
 * and for each flag class (exec/noexec, ro/rw, one propagation mode...) and each data key (size, mode...) the
 * last one wins, keeping its position.
 */
final class TmpfsOptions {
    /** Docker's defaults for a {@code --tmpfs} mount: no set-uid programs, devices or executables. */
    static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev", "rprivate");

    private static final String PROPAGATION = "propagation";
    /** Each flag mapped to the mount flag it sets or clears; options with the same class collide. */
    private static final Map<String, String> FLAG_CLASS = Map.ofEntries(
            Map.entry("ro", "rdonly"), Map.entry("rw", "rdonly"),
            Map.entry("suid", "nosuid"), Map.entry("nosuid", "nosuid"),
            Map.entry("dev", "nodev"), Map.entry("nodev", "nodev"),
            Map.entry("exec", "noexec"), Map.entry("noexec", "noexec"),
            Map.entry("sync", "sync"), Map.entry("async", "sync"),
            Map.entry("dirsync", "dirsync"),
            Map.entry("remount", "remount"),
            Map.entry("mand", "mand"), Map.entry("nomand", "mand"),
            Map.entry("atime", "noatime"), Map.entry("noatime", "noatime"),
            Map.entry("diratime", "nodiratime"), Map.entry("nodiratime", "nodiratime"),
            Map.entry("bind", "bind"), Map.entry("rbind", "rbind"),
            Map.entry("relatime", "relatime"), Map.entry("norelatime", "relatime"),
            Map.entry("strictatime", "strictatime"), Map.entry("nostrictatime", "strictatime"),
            Map.entry("private", PROPAGATION), Map.entry("rprivate", PROPAGATION),
            Map.entry("shared", PROPAGATION), Map.entry("rshared", PROPAGATION),
            Map.entry("slave", PROPAGATION), Map.entry("rslave", PROPAGATION),
            Map.entry("unbindable", PROPAGATION), Map.entry("runbindable", PROPAGATION));
    private static final Set<String> DATA_KEYS = Set.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");

    private TmpfsOptions() {}

    /** Docker's defaults followed by {@code userOptions} (comma-separated, may be empty), merged. */
    static List<String> merge(String destination, String userOptions) {
        List<String> all = new ArrayList<>(DEFAULTS);
        if (!userOptions.isEmpty()) {
            all.addAll(List.of(userOptions.split(",", -1)));
        }
        // walk backwards so that the last occurrence of each class is the one kept
        Set<String> seen = new HashSet<>();
        Deque<String> merged = new ArrayDeque<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            String option = all.get(i);
            if (option.equals("defaults")) {
                continue;
            }
            String key = FLAG_CLASS.get(option);
            if (key == null) {
                int eq = option.indexOf('=');
                if (eq < 0 || !DATA_KEYS.contains(option.substring(0, eq))) {
                    throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot mount a tmpfs at "
                            + destination + ": invalid tmpfs option \"" + option + "\" (flags such as noexec, ro, "
                            + "or size, mode, uid, gid, nr_inodes, nr_blocks, mpol with a value)");
                }
                key = "data:" + option.substring(0, eq);
            }
            if (seen.add(key)) {
                merged.addFirst(option);
            }
        }
        return List.copyOf(merged);
    }
}
