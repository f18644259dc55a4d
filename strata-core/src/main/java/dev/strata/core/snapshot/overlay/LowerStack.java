package dev.strata.core.snapshot.overlay;

import dev.strata.core.archive.Whiteouts;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a stack of overlay-form directories (top first) shows at a path, read as overlayfs merges them but without a
 * mount: the topmost entry of a name wins, a 0/0 character device whiteout hides the name below it, a non-directory
 * ends the merge of the directories below, and an opaque directory hides everything below it. One directory of the
 * merged view is a list of the lower directories that make it, top first; the root's comes from {@link #root}.
 * Stateless and thread-safe.
 */
public final class LowerStack {
    private LowerStack() {}

    /** What the merged view has at one name: nothing ({@link #NONE}), or its topmost entry and, for a directory,
     * the directories merged there (top first). */
    public record Lower(Path top, FileStat stat, List<Path> directories) {
        public static final Lower NONE = new Lower(null, null, List.of());

        public boolean exists() {
            return top != null;
        }
    }

    /** The directories that make the merged root: each layer's root down to the first opaque one. */
    public static List<Path> root(List<Path> lowersTopFirst) throws IOException {
        List<Path> stack = new ArrayList<>();
        for (Path lower : lowersTopFirst) {
            stack.add(lower);
            if (isOpaque(lower)) {
                break;
            }
        }
        return stack;
    }

    /** What the directory made of {@code stack} shows at {@code name}. */
    public static Lower lookUp(List<Path> stack, String name) throws IOException {
        for (int i = 0; i < stack.size(); i++) {
            Path candidate = stack.get(i).resolve(name);
            Optional<FileStat> stat = PosixFiles.lstatIfExists(candidate);
            if (stat.isEmpty()) {
                continue;
            }
            if (isWhiteout(stat.get())) {
                return Lower.NONE;
            }
            if (!stat.get().isDirectory()) {
                return new Lower(candidate, stat.get(), List.of());
            }
            return new Lower(candidate, stat.get(), directoriesFrom(stack, i, name, candidate));
        }
        return Lower.NONE;
    }

    /**
     * The names the directory made of {@code stack} shows, each with the path of its topmost entry, in the order
     * the directories list them (top layer first).
     */
    public static Map<String, Path> visible(List<Path> stack) throws IOException {
        Map<String, Path> decided = new LinkedHashMap<>(); // name -> topmost entry, a whiteout's too
        for (Path lower : stack) {
            for (String name : names(lower)) {
                decided.putIfAbsent(name, lower.resolve(name));
            }
        }
        Map<String, Path> visible = new LinkedHashMap<>();
        for (var entry : decided.entrySet()) {
            if (!isWhiteout(PosixFiles.lstat(entry.getValue()))) {
                visible.put(entry.getKey(), entry.getValue());
            }
        }
        return visible;
    }

    /** The names in one real directory. */
    public static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    public static boolean isWhiteout(FileStat stat) {
        return stat.isCharacterDevice() && stat.rdevMajor() == 0 && stat.rdevMinor() == 0;
    }

    /** Whether overlayfs treats this directory as opaque (either attribute set to {@code y}). */
    public static boolean isOpaque(Path dir) throws IOException {
        try {
            return isY(Xattrs.get(dir, Whiteouts.TRUSTED_OPAQUE_XATTR)) || isY(Xattrs.get(dir, Whiteouts.USER_OPAQUE_XATTR));
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOTSUP) {
                return false; // a file system without extended attributes has no opaque directories
            }
            throw e;
        }
    }

    /** The directories overlayfs merges at {@code name}, from the topmost one at index {@code first} down. */
    private static List<Path> directoriesFrom(List<Path> stack, int first, String name, Path top) throws IOException {
        List<Path> merged = new ArrayList<>();
        merged.add(top);
        if (isOpaque(top)) {
            return merged;
        }
        for (int i = first + 1; i < stack.size(); i++) {
            Path candidate = stack.get(i).resolve(name);
            Optional<FileStat> stat = PosixFiles.lstatIfExists(candidate);
            if (stat.isEmpty()) {
                continue;
            }
            if (!stat.get().isDirectory()) {
                break; // a whiteout or a file ends the merge
            }
            merged.add(candidate);
            if (isOpaque(candidate)) {
                break;
            }
        }
        return merged;
    }

    private static boolean isY(Optional<byte[]> value) {
        return value.isPresent() && value.get().length == 1 && value.get()[0] == 'y';
    }
}
