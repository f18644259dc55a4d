package dev.strata.core.volume;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

/** A separate strata process for {@link VolumesTest}: creates volumes in the root it is given, prints one result. */
final class VolumeProcess {
    private VolumeProcess() {}

    public static void main(String[] args) {
        Volumes volumes = new Volumes(Path.of(args[0]), Clock.systemUTC(), new Random(), VolumeUsers.NONE);
        String shared = null;
        for (int i = 0; i < 10; i++) {
            Volume v = volumes.create("shared", null, Map.of("by", args[1]), Map.of());
            shared = v.labels().get("by") + " " + v.createdAt();
            volumes.create(args[1] + "-" + i, null, Map.of(), Map.of());
            volumes.create(null, null, Map.of(), Map.of());
            volumes.prune(false, java.util.List.of());
        }
        System.out.println(shared);
    }
}
