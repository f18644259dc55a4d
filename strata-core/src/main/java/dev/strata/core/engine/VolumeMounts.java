package dev.strata.core.engine;

import dev.strata.core.container.Container;
import dev.strata.core.container.HostSettings;
import dev.strata.core.runtime.spec.MountRequest;
import dev.strata.core.volume.RootPaths;
import dev.strata.core.volume.Volume;
import dev.strata.core.volume.Volumes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container's binds, volumes and tmpfs mounts as runtime-spec mounts; empty volumes are filled from the image. */
final class VolumeMounts {
    private VolumeMounts() {}

    static List<MountRequest> requests(Volumes volumes, Container c, Path rootfs) {
        List<MountRequest> out = new ArrayList<>();
        for (HostSettings.ContainerMount m : c.record().host().mounts()) {
            switch (m.type()) {
                case "bind" -> out.add(MountRequest.bind(Path.of(m.source()), m.destination(), m.readOnly()));
                case "tmpfs" -> out.add(MountRequest.tmpfs(m.destination(), m.options() == null ? "" : m.options()));
                case "volume" -> {
                    Volume volume = volumes.find(m.name())
                            .orElseGet(() -> volumes.create(m.name(), null, Map.of(), Map.of()));
                    if (!"nocopy".equals(m.options())) {
                        volumes.copyUp(volume.name(), RootPaths.resolve(rootfs, m.destination()));
                    }
                    out.add(MountRequest.bind(volume.mountpoint(), m.destination(), m.readOnly()));
                }
                default -> throw new IllegalStateException("unknown mount type " + m.type());
            }
        }
        return out;
    }
}
