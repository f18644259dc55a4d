package dev.strata.core.container;

import dev.strata.core.StrataException;
import dev.strata.core.store.StoreLock;
import dev.strata.core.sys.AtomicFiles;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileTrees;
import dev.strata.core.sys.MountPoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every container of one store root, each a directory {@code containers/<id>/}. A container appears whole (its
 * directory is made under a temporary name and renamed into place) and its state file is replaced by rename,
 * so a reader never sees half of either. Names are unique: creating and renaming check under the store lock.
 * Thread-safe; several processes may share one root.
 */
public final class ContainerStore {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");
    /** Prefixes of hidden directories: a container being created ({@code .new-PID-ID}) or removed. */
    private static final String STAGING = ".new-";
    private static final String REMOVING = ".removing-";
    private static final Pattern STAGING_PID = Pattern.compile("\\.new-(\\d+)-.*");

    private final Path root;
    private final StoreLock lock;

    public ContainerStore(Path root, StoreLock lock) {
        this.root = root;
        this.lock = lock;
    }

    public ContainerPaths paths(String id) {
        return new ContainerPaths(root.resolve(id));
    }

    /** Refuses a name Docker would refuse; a leading slash is allowed and dropped. */
    public static String validName(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        if (!NAME.matcher(bare).matches()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return bare;
    }

    /**
     * Publishes a new container: its record and first state, and whatever {@code prepare} puts in its directory
     * (the writable layer's dirs). Fails if the name is taken.
     */
    public ContainerPaths create(ContainerRecord record, ContainerState state, DirectoryPreparer prepare) {
        Path staging = root.resolve(STAGING + ProcessHandle.current().pid() + "-" + record.id());
        try {
            if (!Files.isDirectory(root)) { // createDirectories alone costs ~2 ms on a cold JVM to find it exists
                Files.createDirectories(root);
            }
            removeLeftovers();
            Files.createDirectory(staging);
            ContainerPaths staged = new ContainerPaths(staging);
            write(staged.record(), ContainerJson.write(record));
            write(staged.state(), ContainerJson.write(state));
            prepare.prepare(staged);
            try (StoreLock.Held held = lock.acquire()) {
                checkNameFree(record.name(), record.id());
                Files.move(staging, root.resolve(record.id()), StandardCopyOption.ATOMIC_MOVE);
            }
            return paths(record.id());
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot create container " + record.name() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Fills a new container's directory before it is published. */
    @FunctionalInterface
    public interface DirectoryPreparer {
        void prepare(ContainerPaths paths) throws IOException;
    }

    /** Every container, newest first. */
    public List<Container> list() {
        List<Container> all = new ArrayList<>();
        for (String id : ids()) {
            read(id).ifPresent(all::add);
        }
        all.sort(Comparator.comparing((Container c) -> c.record().created()).reversed()
                .thenComparing(c -> c.record().id()));
        return all;
    }

    /** The container named by full ID, name, or unique ID prefix, as Docker resolves them. */
    public Container find(String nameOrId) {
        String wanted = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
        if (FULL_ID.matcher(wanted).matches()) {
            Optional<Container> exact = read(wanted);
            if (exact.isPresent()) {
                return exact.get();
            }
        }
        List<String> ids = ids();
        Optional<Container> named = named(wanted, ids).flatMap(this::withState);
        if (named.isPresent()) {
            return named.get();
        }
        List<String> prefixed = wanted.isEmpty() ? List.of()
                : ids.stream().filter(id -> id.startsWith(wanted)).toList();
        if (prefixed.size() == 1) {
            Optional<Container> c = read(prefixed.getFirst());
            if (c.isPresent()) {
                return c.get();
            }
        }
        if (prefixed.size() > 1) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "multiple containers found with provided prefix: " + wanted);
        }
        throw new StrataException(StrataException.Kind.NOT_FOUND, "No such container: " + nameOrId);
    }

    public Optional<Container> read(String id) {
        try {
            return withState(ContainerJson.readRecord(Files.readAllBytes(paths(id).record())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read container " + id + ": " + e.getMessage(), e);
        }
    }

    /** The container {@code record} describes, with its recorded state; empty if it was removed meanwhile. */
    private Optional<Container> withState(ContainerRecord record) {
        ContainerPaths paths = paths(record.id());
        try {
            return Optional.of(new Container(record, ContainerJson.readState(Files.readAllBytes(paths.state())), paths));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read container " + record.id() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Replaces a container's recorded state. */
    public void writeState(String id, ContainerState state) {
        try {
            write(paths(id).state(), ContainerJson.write(state));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot record the state of container " + id + ": " + e.getMessage(), e);
        }
    }

    /** {@code rename}: gives a container a new, unused name. */
    public void rename(String id, String newName) {
        String name = validName(newName);
        try (StoreLock.Held held = lock.acquire()) {
            Container c = read(id).orElseThrow(() -> new StrataException(StrataException.Kind.NOT_FOUND, "No such container: " + id));
            if (c.record().name().equals(name)) {
                throw new StrataException(StrataException.Kind.CONFLICT,
                        "Renaming a container with the same name as its current name");
            }
            checkNameFree(name, id);
            write(c.paths().record(), ContainerJson.write(c.record().withName(name)));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot rename container " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a container's directory. It disappears from listings at once (renamed aside first); a crash
     * halfway leaves only a hidden directory, removed by the next {@link #removeLeftovers}.
     */
    public void remove(String id) {
        Path dir = root.resolve(id);
        Path doomed = root.resolve(REMOVING + id);
        try {
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // already gone
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot remove container " + id + ": " + e.getMessage(), e);
        }
        // Gone once renamed: what cannot be deleted yet goes in finishRemoval, or is swept later (removeLeftovers).
        deleteQuietly(doomed);
    }

    /**
     * Deletes what is left of a removed container once its lock is released: a FUSE file system keeps a file that
     * is still open (the lock) as a hidden file until it is closed, so its directory could not go with the rest.
     */
    public void finishRemoval(String id) {
        deleteQuietly(root.resolve(REMOVING + id));
    }

    /**
     * Deletes what killed strata processes left: directories of removals cut short, and directories of creations
     * whose process is gone. Best effort: what cannot go yet (a mount still inside) is tried again next time.
     */
    public void removeLeftovers() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, ".*")) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                Matcher staging = STAGING_PID.matcher(name);
                boolean abandoned = name.startsWith(REMOVING)
                        || staging.matches() && !ProcessHandle.of(Long.parseLong(staging.group(1)))
                                .map(ProcessHandle::isAlive).orElse(false);
                if (abandoned && !hasMounts(new ContainerPaths(dir))) {
                    deleteQuietly(dir);
                }
            }
        } catch (IOException e) {
            // nothing to tidy, or not now: leftovers are hidden and only waste space
        }
    }

    /** Whether the host still has a container's root file system or network namespace mounted: never delete then. */
    private static boolean hasMounts(ContainerPaths paths) {
        for (Path mountPoint : List.of(paths.merged(), paths.netns())) {
            try {
                if (MountPoints.isMountPoint(mountPoint)) {
                    return true;
                }
            } catch (ErrnoException e) {
                if (e.errno() != ErrnoException.ENOENT) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkNameFree(String name, String ownId) {
        List<String> others = ids().stream().filter(id -> !id.equals(ownId)).toList();
        Optional<ContainerRecord> taken = named(name, others);
        if (taken.isPresent()) {
            throw new NameTakenException(name, taken.get().id());
        }
    }

    /** The IDs of every container (the names of their directories). */
    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                if (FULL_ID.matcher(id).matches()) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot list containers: " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * The record of the one of {@code ids} whose container is named {@code name}. Only records that hold the name as a JSON string
     * at all are parsed (a name needs no escaping, {@link #validName}): a lookup by name reads every record, and
     * parsing each on a cold JVM cost about a millisecond.
     */
    private Optional<ContainerRecord> named(String name, List<String> ids) {
        byte[] quoted = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
        for (String id : ids) {
            byte[] record;
            try {
                record = Files.readAllBytes(paths(id).record());
            } catch (NoSuchFileException e) {
                continue; // removed meanwhile
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot read container " + id + ": "
                        + e.getMessage(), e);
            }
            if (contains(record, quoted)) {
                ContainerRecord parsed = ContainerJson.readRecord(record);
                if (parsed.name().equals(name)) {
                    return Optional.of(parsed);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, bytes);
    }

    private static void deleteQuietly(Path path) {
        try {
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.delete(path);
            }
        } catch (IOException e) {
            // a leftover staging dir is hidden and harmless
        }
    }
}
