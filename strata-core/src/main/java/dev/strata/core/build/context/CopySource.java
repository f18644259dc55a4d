package dev.strata.core.build.context;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One source of a COPY or ADD after globs are expanded and symbolic links followed.
 *
 * @param written the source as the instruction names it (a glob's match: the matched path)
 * @param path where it led, relative to the context root ({@code ""} for the root)
 * @param file the same on the host
 * @param directory whether its contents (not itself) are copied
 * @param checksum Docker's checksum of it: {@code file:HEX} or {@code dir:HEX}
 */
public record CopySource(String written, String path, Path file, boolean directory, String checksum) {
    public CopySource {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checksum, "checksum");
    }
}
