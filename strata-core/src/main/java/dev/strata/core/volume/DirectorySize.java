package dev.strata.core.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The space a directory's files take as Docker counts it for prune: sizes of everything but directories,
 * a hard-linked file once. Symbolic links are counted, not followed.
 */
public final class DirectorySize {
    private DirectorySize() {}

    public static long of(Path directory) throws IOException {
        Set<Object> seen = new HashSet<>();
        long[] total = {0};
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Object key = attributes.fileKey();
                    if (attributes.size() > 0 && (key == null || seen.add(key))) {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    if (failure instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed while we looked: it takes no space
                    }
                    throw failure;
                }
            });
        } catch (NoSuchFileException e) {
            return 0;
        }
        return total[0];
    }
}
