package dev.strata.registry.storage;

import java.time.Duration;

/**
 * What one garbage collection did.
 *
 * @param blobsDeleted blobs removed from the store
 * @param bytesFreed their total size
 * @param blobsKept blobs left because a manifest references them or they were used within the grace period
 * @param linksRemoved repository links to deleted blobs that were removed
 * @param uploadsExpired upload sessions cancelled for being idle too long
 * @param took how long it ran
 */
public record GcReport(int blobsDeleted, long bytesFreed, int blobsKept, int linksRemoved, int uploadsExpired, Duration took) {}
