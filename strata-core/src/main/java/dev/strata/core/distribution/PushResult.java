package dev.strata.core.distribution;

import dev.strata.core.oci.Digest;

/** What one push did: the tag pushed, and the digest and size of the manifest the registry now serves for it. */
public record PushResult(String tag, Digest digest, long size) {}
