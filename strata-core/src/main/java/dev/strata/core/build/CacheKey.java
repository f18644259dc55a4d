package dev.strata.core.build;

import dev.strata.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What a build step's result depends on, hashed: the parent image, the instruction as written after variable
 * substitution, and the content checksums of its inputs (a COPY's files, a build argument's value). Two steps with
 * the same key make the same image, so the second can reuse the first's.
 */
public record CacheKey(String hex) {
    public CacheKey {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a cache key is 64 hex digits, not " + hex);
        }
    }

    /** Starts a key for a step on {@code parent}, the parent image's ID, or null for {@code FROM scratch}. */
    public static Builder on(Digest parent) {
        return new Builder().add(parent == null ? "scratch" : parent.toString());
    }

    /** Collects a key's parts; each part is length-prefixed, so no two different lists of parts hash alike. */
    public static final class Builder {
        private final MessageDigest sha = Digest.newSha256();

        private Builder() {}

        public Builder add(String part) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
            return this;
        }

        public CacheKey build() {
            return new CacheKey(HexFormat.of().formatHex(sha.digest()));
        }
    }
}
