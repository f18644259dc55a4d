package dev.strata.core.distribution;

import dev.strata.core.oci.Digest;

/** A manifest or index as a registry served it: the exact bytes, their media type and their digest. */
public record RemoteManifest(byte[] raw, String mediaType, Digest digest) {
    public RemoteManifest {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
