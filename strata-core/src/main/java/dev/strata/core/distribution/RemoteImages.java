package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.content.ContentProvider;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.image.StoredImage;
import java.io.IOException;
import java.io.InputStream;

/** Reads the documents of a remote image: resolves an index to one platform's manifest, fetches the config. */
final class RemoteImages {
    private RemoteImages() {}

    /** Whether these bytes (served with this media type) are an index rather than a manifest. */
    static boolean isIndex(RemoteManifest m) {
        if (MediaTypes.isIndex(m.mediaType())) {
            return true;
        }
        if (MediaTypes.isManifest(m.mediaType())) {
            return false;
        }
        var tree = Json.tree(m.raw(), "manifest");
        String declared = tree.path("mediaType").asText("");
        if (declared.contains("schema1") || tree.path("schemaVersion").asInt() == 1) {
            throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot pull a Docker schema 1 image: "
                    + "the format is deprecated; push the image again with a current client");
        }
        return MediaTypes.isIndex(declared) || tree.has("manifests");
    }

    /** The manifest for the platform: {@code top} itself, or the entry of the index {@code top} is. */
    static RemoteManifest manifestFor(RemoteRepository repository, RemoteManifest top, Platform platform, String what) {
        if (!isIndex(top)) {
            return top;
        }
        Index index = Index.parse(top.raw());
        Digest chosen = PlatformSelector.select(index, platform).digest();
        RemoteManifest manifest = repository.manifest(chosen.toString(), what);
        if (isIndex(manifest)) {
            throw new InvalidContentException("cannot pull " + what + ": its index points at another index");
        }
        return manifest;
    }

    /** The config blob's bytes, from the store if it has them, else from the registry (digest-checked). */
    static byte[] config(RemoteRepository repository, ContentProvider content, Digest digest, long size) {
        if (content.exists(digest)) {
            return content.read(digest, StoredImage.MAX_DOCUMENT);
        }
        if (size > StoredImage.MAX_DOCUMENT) {
            throw new InvalidContentException("cannot pull: the image config is larger than 4 MiB");
        }
        RemoteRepository.BlobStream stream = repository.blob(digest, 0);
        byte[] raw;
        try (InputStream in = stream.body()) {
            raw = in.readNBytes(StoredImage.MAX_DOCUMENT + 1);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot fetch the image config " + digest.shortHex()
                    + ": " + RegistryHttp.describe(e), e);
        }
        Digest actual = Digest.sha256(raw);
        if (!actual.equals(digest)) {
            throw new dev.strata.core.content.DigestMismatchException(digest, actual);
        }
        return raw;
    }
}
