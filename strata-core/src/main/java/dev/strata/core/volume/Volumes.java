package dev.strata.core.volume;

import dev.strata.core.StrataException;
import dev.strata.core.store.StoreLock;
import dev.strata.core.sys.FileTrees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The volumes of one store root, kept as Docker's {@code local} driver keeps them, and the {@code volume} verbs.
 *
 * <p>A volume is a directory {@code volumes/NAME} holding {@code _data} (the files) and {@code volume.json}
 * (the metadata). It is assembled in a staging directory and renamed into place, and removed by renaming it to
 * a trash directory before its files are deleted, so other processes see a volume whole or not at all. Changes
 * take a file lock of their own ({@code locks/volumes.lock}), so several strata processes may share the root;
 * reads take none. Whether a container uses a volume is asked of the {@link VolumeUsers} given here.
 *
 * <p>Thread-safe. One instance per root per process: the file lock is the process's, and a second instance in
 * the same process would contend with the first for it.
 */
public final class Volumes {
    private final VolumeLayout layout;
    private final Clock clock;
    private final RandomGenerator random;
    private final VolumeUsers users;
    private final StoreLock lock;

    /**
     * @param storeRoot the store root; volumes go to {@code storeRoot/volumes}
     * @param random the source of anonymous volumes' names (random bytes from the kernel in production)
     */
    public Volumes(Path storeRoot, Clock clock, RandomGenerator random, VolumeUsers users) {
        this.layout = new VolumeLayout(storeRoot);
        this.clock = clock;
        this.random = random;
        this.users = users;
        this.lock = new StoreLock(layout.lock());
    }

    /**
     * {@code volume create}: makes a volume, or returns the one of that name if it exists (as Docker does, whatever
     * the labels and options asked for). A null name makes an anonymous volume: 64 random hex characters and the
     * label {@value Volume#ANONYMOUS_LABEL}.
     *
     * @param driver the volume driver; null means {@code local}, the only one there is
     */
    public Volume create(String name, String driver, Map<String, String> labels, Map<String, String> options) {
        boolean anonymous = name == null;
        String chosen = anonymous ? VolumeNames.random(random) : name;
        if (!anonymous) {
            VolumeNames.check(chosen);
        }
        if (driver != null && !driver.isEmpty() && !driver.equals(Volume.LOCAL_DRIVER)) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot create volume " + chosen
                    + ": error looking up volume plugin " + driver + ": plugin \"" + driver + "\" not found");
        }
        LocalDriver.validate(chosen, options);
        Map<String, String> allLabels = new HashMap<>(labels);
        if (anonymous) {
            allLabels.put(Volume.ANONYMOUS_LABEL, "");
        }
        try (StoreLock.Held held = lock.acquire()) {
            Optional<Volume> existing = find(chosen);
            if (existing.isPresent()) {
                return existing.get();
            }
            Leftovers.remove(layout);
            Volume volume = new Volume(chosen, Volume.LOCAL_DRIVER, layout.data(chosen), clock.instant(), allLabels,
                    options, Volume.LOCAL_SCOPE, anonymous);
            publish(volume);
            return volume;
        }
    }

    /** {@code volume inspect}: the volume of this name. */
    public Volume get(String name) {
        return find(name).orElseThrow(() -> new NoSuchVolumeException("inspect", name));
    }

    /** The volume of this name, if there is one; an impossible name (say {@code ../x}) names none. */
    public Optional<Volume> find(String name) {
        if (!VolumeNames.isValid(name)) {
            return Optional.empty();
        }
        Path file = layout.metadata(name);
        try {
            return Optional.of(VolumeMetadata.read(Files.readAllBytes(file), layout.data(name), "volume metadata " + file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw system("read volume " + name, e);
        }
    }

    /** {@code volume ls}: the volumes passing the filters, in the docker CLI's natural order of names. */
    public List<Volume> list(List<String> filters) {
        VolumeFilter filter = VolumeFilter.parse(filters, VolumeFilter.LIST_KEYS);
        Boolean dangling = filter.dangling();
        List<Volume> matching = new ArrayList<>();
        for (Volume volume : all()) {
            if (filter.matches(volume) && (dangling == null || dangling == users.containersUsing(volume.name()).isEmpty())) {
                matching.add(volume);
            }
        }
        return matching;
    }

    /**
     * {@code volume rm}: removes the volume and its files. Refused while a container uses it, even with
     * {@code force}, which only makes a missing volume no error (Docker's meaning).
     */
    public void remove(String name, boolean force) {
        Path trash;
        try (StoreLock.Held held = lock.acquire()) {
            Optional<Volume> volume = find(name);
            if (volume.isEmpty()) {
                if (force) {
                    return;
                }
                throw new NoSuchVolumeException("remove", name);
            }
            trash = unpublish(volume.get());
        }
        deleteTrash(trash);
    }

    /**
     * {@code volume prune}: removes the local volumes no container uses, anonymous ones only unless {@code all}
     * (Docker 23+), never those with driver options (their files live elsewhere).
     *
     * @param filters {@code label=}, {@code label!=} and {@code all=} as Docker accepts them
     */
    public PruneReport prune(boolean all, List<String> filters) {
        VolumeFilter filter = VolumeFilter.parse(filters, VolumeFilter.PRUNE_KEYS);
        Boolean allFilter = filter.bool("all");
        if (all && allFilter != null) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "conflicting options: cannot specify both --all and --filter all=1");
        }
        boolean everyUnused = all || Boolean.TRUE.equals(allFilter);
        List<String> deleted = new ArrayList<>();
        List<Path> trash = new ArrayList<>();
        long reclaimed = 0;
        try {
            try (StoreLock.Held held = lock.acquire()) {
                for (Volume volume : all()) {
                    boolean candidate = volume.driver().equals(Volume.LOCAL_DRIVER) && volume.options().isEmpty()
                            && (everyUnused || isAnonymous(volume)) && filter.matches(volume)
                            && users.containersUsing(volume.name()).isEmpty();
                    if (candidate) {
                        unpublishUnlessMounted(volume).ifPresent(t -> {
                            trash.add(t);
                            deleted.add(volume.name());
                        });
                    }
                }
            }
            for (Path t : trash) {
                reclaimed += DirectorySize.of(t.resolve(VolumeLayout.DATA));
            }
        } catch (IOException e) {
            throw system("measure the pruned volumes", e);
        } finally {
            // Whatever went wrong, volumes already out of sight are deleted, not left for a later clean-up.
            trash.forEach(this::deleteTrash);
        }
        return new PruneReport(deleted, reclaimed);
    }

    /**
     * Fills the named volume from the image, as Docker does when a container mounts an empty volume on a path the
     * image has files at; see {@link CopyUp#copyUp(Path, Path)}. Runs under the volumes lock, so that two
     * containers starting with the same new volume do not both copy.
     *
     * @return true if files were copied; false if the volume was not empty or the image has nothing there
     */
    public boolean copyUp(String name, Path fromImageDir) {
        try (StoreLock.Held held = lock.acquire()) {
            Volume volume = find(name).orElseThrow(() -> new NoSuchVolumeException("populate", name));
            return CopyUp.copyUp(fromImageDir, volume.mountpoint());
        }
    }

    private static boolean isAnonymous(Volume volume) {
        return volume.anonymous() || volume.labels().containsKey(Volume.ANONYMOUS_LABEL);
    }

    /** Every volume, in natural order of names. */
    private List<Volume> all() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.volumes())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (VolumeNames.isValid(name)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw system("list volumes", e);
        }
        names.sort(NaturalOrder.INSTANCE);
        List<Volume> volumes = new ArrayList<>();
        for (String name : names) {
            find(name).ifPresent(volumes::add); // a directory without metadata is not a volume (or is being removed)
        }
        return volumes;
    }

    /** Assembles the volume in a staging directory and renames it into place; the caller holds the lock. */
    private void publish(Volume volume) {
        Path staging = layout.staging(Leftovers.unique(random));
        try {
            Files.createDirectories(staging.resolve(VolumeLayout.DATA));
            Files.setPosixFilePermissions(staging.resolve(VolumeLayout.DATA), PosixFilePermissions.fromString("rwxr-xr-x"));
            Path metadata = staging.resolve(VolumeLayout.METADATA);
            try (FileChannel channel = FileChannel.open(metadata, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(VolumeMetadata.write(volume)));
                channel.force(false);
            }
            Files.move(staging, layout.directory(volume.name()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                FileTrees.delete(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw system("create volume " + volume.name(), e);
        }
    }

    /**
     * Takes the volume out of sight by renaming it into the trash; the caller holds the lock and deletes the trash
     * afterwards, outside it.
     */
    private Path unpublish(Volume volume) {
        List<String> using = users.containersUsing(volume.name());
        if (!using.isEmpty()) {
            throw new StrataException(StrataException.Kind.IN_USE, "cannot remove volume " + volume.name()
                    + ": volume is in use - [" + String.join(", ", using) + "]");
        }
        return unpublishUnlessMounted(volume).orElseThrow(() -> new StrataException(StrataException.Kind.IN_USE,
                "cannot remove volume " + volume.name() + ": a file system is still mounted on "
                        + volume.mountpoint() + "; unmount it first"));
    }

    /** Renames the volume into the trash, unless a file system is mounted in it (whose files are not ours). */
    private Optional<Path> unpublishUnlessMounted(Volume volume) {
        Path directory = layout.directory(volume.name());
        try {
            if (MountTable.hasMountAtOrBelow(directory)) {
                return Optional.empty();
            }
            Path trash = layout.trash(Leftovers.unique(random));
            Files.move(directory, trash, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(trash);
        } catch (IOException e) {
            throw system("remove volume " + volume.name(), e);
        }
    }

    private void deleteTrash(Path trash) {
        try {
            FileTrees.delete(trash);
        } catch (IOException e) {
            // The volume is gone from every listing already; what is left is found and deleted later.
            throw system("delete the files of a removed volume at " + trash, e);
        }
    }

    private static StrataException system(String action, IOException e) {
        return new StrataException(StrataException.Kind.SYSTEM, "cannot " + action + ": " + e.getMessage(), e);
    }
}
