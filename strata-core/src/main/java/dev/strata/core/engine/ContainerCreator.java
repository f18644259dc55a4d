package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.ContainerPaths;
import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.ContainerState;
import dev.strata.core.container.ContainerStore;
import dev.strata.core.container.HostSettings;
import dev.strata.core.container.NameGenerator;
import dev.strata.core.container.NameTakenException;
import dev.strata.core.container.RunConfig;
import dev.strata.core.container.RunConfigs;
import dev.strata.core.container.RunOptions;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.LocalStore;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code create}: a container record and its empty writable layer (made by the store's storage driver), pinned to the
 * image it was made from.
 */
final class ContainerCreator {
    private final LocalStore store;
    private final ContainerStore containers;
    private final Clock clock;
    private final RandomGenerator random;

    ContainerCreator(LocalStore store, ContainerStore containers, Clock clock, RandomGenerator random) {
        this.store = store;
        this.containers = containers;
        this.clock = clock;
        this.random = random;
    }

    /** Creates the container; {@code host} holds the mounts and ports already worked out from the options. */
    ContainerRecord create(RunOptions options, ImageRecord image, StoredImage stored, HostPlan host,
            StorageDriver driver) {
        ImageConfig imageConfig = stored.config();
        List<Digest> chain = ChainId.chain(imageConfig.diffIds());
        for (Digest chainId : chain) {
            if (!store.snapshots().exists(chainId)) {
                throw new StrataException(StrataException.Kind.CORRUPT, "cannot create a container of "
                        + options.image() + ": its layer " + chainId.shortHex() + " is not unpacked in the store");
            }
        }
        String id = newId();
        boolean named = options.name() != null && !options.name().isEmpty();
        String name = named ? ContainerStore.validName(options.name()) : null;
        String hostname = options.hostname() != null && !options.hostname().isEmpty() ? options.hostname() : id.substring(0, 12);
        RunConfig config = RunConfigs.merge(imageConfig.config(), options, hostname, host.exposedPorts(),
                host.anonymousVolumeTargets());
        List<String> process = RunConfigs.processArgs(config);
        if (config.stopSignal() != null && !config.stopSignal().isEmpty()) {
            ContainerLifecycle.signalNumber(config.stopSignal()); // refused now, as Docker does, not at the first stop
        }
        String created = Times.format(clock.instant());
        HostSettings settings = new HostSettings(host.mounts(), host.ports(), options.publishAll(), host.networkMode(),
                options.readOnly(), options.autoRemove());
        // A generated name is checked once, by the store as it publishes (which lists every container), and drawn
        // again in the rare case it is taken: listing the containers first as well cost a second read of all of them.
        NameGenerator names = new NameGenerator(random);
        Set<String> taken = new HashSet<>();
        while (true) {
            String chosen = named ? name : names.next(taken::contains);
            ContainerRecord record = new ContainerRecord(id, chosen, created, options.image(), image.id().toString(),
                    chain, process.getFirst(), process.subList(1, process.size()), config, settings);
            try {
                containers.create(record, ContainerState.created(), paths -> {
                    makeInitLayer(paths);
                    WritableLayer.create(driver, paths, chain, store.snapshots());
                });
                return record;
            } catch (NameTakenException e) {
                if (named) {
                    throw e;
                }
                taken.add(chosen);
            }
        }
    }

    /** What the engine worked out from the mount, port and network options before creating. */
    record HostPlan(List<HostSettings.ContainerMount> mounts, List<HostSettings.PublishedPort> ports,
            List<String> exposedPorts, List<String> anonymousVolumeTargets, String networkMode) {}

    /** Mount points every container gets, as Docker's init layer has them. */
    private static final List<String> INIT_DIRECTORIES = List.of("dev", "dev/pts", "dev/shm", "proc", "sys", "etc");
    private static final List<String> INIT_FILES = List.of("etc/hosts", "etc/hostname", "etc/resolv.conf", "dev/console");

    private static void makeInitLayer(ContainerPaths paths) throws java.io.IOException {
        Files.createDirectory(paths.init());
        for (String dir : INIT_DIRECTORIES) {
            Files.createDirectories(paths.init().resolve(dir));
        }
        for (String file : INIT_FILES) {
            Files.createFile(paths.init().resolve(file));
        }
        Files.createSymbolicLink(paths.init().resolve("etc/mtab"), java.nio.file.Path.of("/proc/mounts"));
    }

    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
