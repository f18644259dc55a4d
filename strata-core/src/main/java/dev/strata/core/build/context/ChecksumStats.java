package dev.strata.core.build.context;

/**
 * What computing checksums cost so far: how many regular files were read and how many bytes were hashed, and how
 * many regular files' checksums came from the cache without reading anything.
 */
public record ChecksumStats(long filesHashed, long bytesHashed, long cacheHits) {
    public ChecksumStats {
        if (filesHashed < 0 || bytesHashed < 0 || cacheHits < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
