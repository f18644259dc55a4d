package dev.strata.core.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.core.oci.Digest;

/** What a snapshot holds: one layer's unpacked tree, its place in the chain and its size in bytes. */
public record SnapshotInfo(
        @JsonProperty("chainId") Digest chainId,
        @JsonProperty("diffId") Digest diffId,
        @JsonProperty("parent") Digest parent,
        @JsonProperty("size") long size) {}
