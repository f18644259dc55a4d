package dev.strata.core.volume;

import java.nio.file.Path;

/**
 * Where volumes live under a store root: {@code volumes/NAME/_data} for the files and {@code volumes/NAME/volume.json}
 * for the metadata; staging and trash directories start with a dot, which no volume name can. Immutable.
 */
record VolumeLayout(Path root) {
    static final String DATA = "_data";
    static final String METADATA = "volume.json";
    private static final String STAGING = ".staging-";
    private static final String TRASH = ".trash-";

    VolumeLayout {
        root = root.toAbsolutePath().normalize();
    }

    Path volumes() {
        return root.resolve("volumes");
    }

    Path directory(String name) {
        return volumes().resolve(name);
    }

    Path data(String name) {
        return directory(name).resolve(DATA);
    }

    Path metadata(String name) {
        return directory(name).resolve(METADATA);
    }

    /** A directory where a new volume is assembled before it is renamed into place. */
    Path staging(String unique) {
        return volumes().resolve(STAGING + unique);
    }

    /** Where a removed volume goes, by rename, before its files are deleted. */
    Path trash(String unique) {
        return volumes().resolve(TRASH + unique);
    }

    static boolean isLeftover(String fileName) {
        return fileName.startsWith(STAGING) || fileName.startsWith(TRASH);
    }

    /** The lock file serialising changes to volumes among strata processes (not the image store's lock). */
    Path lock() {
        return root.resolve("locks").resolve("volumes.lock");
    }
}
