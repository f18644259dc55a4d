package dev.strata.core.runtime.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The container's mounts in the order runc performs them: Docker's defaults that the user did not replace,
 * then the user's mounts, parents before children.
 */
final class MountTable {
    private MountTable() {}

    static List<MountRequest> merge(List<MountRequest> defaults, List<MountRequest> user) {
        Set<String> replaced = user.stream().map(MountRequest::destination).collect(Collectors.toSet());
        // a user mount on /dev hides everything the defaults would mount below it, as in Docker
        boolean userDev = replaced.contains("/dev");
        List<MountRequest> mounts = new ArrayList<>();
        for (MountRequest m : defaults) {
            if (!replaced.contains(m.destination()) && !(userDev && m.destination().startsWith("/dev/"))) {
                mounts.add(m);
            }
        }
        // Docker sorts user mounts by depth so that /a is mounted before /a/b (otherwise /a would hide it);
        // the sort is stable, so mounts of equal depth keep the caller's order
        List<MountRequest> sorted = new ArrayList<>(user);
        sorted.sort(Comparator.comparingInt(m -> ContainerPaths.depth(m.destination())));
        mounts.addAll(sorted);
        return List.copyOf(mounts);
    }
}
