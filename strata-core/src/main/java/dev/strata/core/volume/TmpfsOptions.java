package dev.strata.core.volume;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The options of a tmpfs mount as Docker settles them: its defaults ({@code noexec,nosuid,nodev} and private
 * propagation) first, then the user's; of two options setting the same thing (rw and ro, exec and noexec, two
 * sizes) the later wins, in the later's place. Stateless.
 */
final class TmpfsOptions {
    static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev", MountSpec.DEFAULT_PROPAGATION);

    /** Each flag, with the name of the setting it shares with its opposite. */
    private static final Map<String, String> FLAGS = flags();
    private static final Set<String> DATA_KEYS = Set.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");

    private TmpfsOptions() {}

    /** Merges Docker's defaults with the user's options, which are given in order. */
    static List<String> merge(List<String> user) {
        List<String> all = new ArrayList<>(DEFAULTS);
        all.addAll(user);
        Set<String> settled = new HashSet<>();
        LinkedList<String> merged = new LinkedList<>();
        // From the end, so that the last word on each setting is the one kept.
        for (int i = all.size() - 1; i >= 0; i--) {
            String option = all.get(i);
            if (option.equals("defaults")) {
                continue;
            }
            String setting = FLAGS.get(option);
            if (setting == null) {
                int eq = option.indexOf('=');
                if (eq < 0 || !DATA_KEYS.contains(option.substring(0, eq))) {
                    throw new IllegalArgumentException("invalid tmpfs option \"" + option + "\"");
                }
                setting = "data:" + option.substring(0, eq);
            }
            if (settled.add(setting)) {
                merged.addFirst(option);
            }
        }
        return List.copyOf(merged);
    }

    private static Map<String, String> flags() {
        Map<String, String> pairs = Stream.of(
                "ro rdonly", "rw rdonly", "suid nosuid", "nosuid nosuid", "dev nodev", "nodev nodev",
                "exec noexec", "noexec noexec", "sync sync", "async sync", "dirsync dirsync", "remount remount",
                "mand mand", "nomand mand", "atime noatime", "noatime noatime", "diratime nodiratime",
                "nodiratime nodiratime", "bind bind", "rbind bind", "relatime relatime", "norelatime relatime",
                "strictatime strictatime", "nostrictatime strictatime", "unbindable propagation",
                "runbindable propagation", "private propagation", "rprivate propagation", "shared propagation",
                "rshared propagation", "slave propagation", "rslave propagation")
                .map(s -> s.split(" "))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        return Map.copyOf(pairs);
    }
}
