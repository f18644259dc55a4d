package dev.strata.core.archive;

import dev.strata.core.oci.Digest;

/** TEMPORARY stub until the archive branch lands. */
public record ApplyResult(Digest diffId, long size, long entries) {}
