package dev.strata.core.image.layout;

import dev.strata.core.oci.MediaTypes;

/** Tells a layer blob's real media type from its first bytes, and whether a media type is compressed. */
public final class LayerMediaTypes {
    private LayerMediaTypes() {}

    /** The OCI layer media type these leading bytes announce: gzip (1f 8b), zstd (28 b5 2f fd) or a plain tar. */
    public static String sniff(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return MediaTypes.OCI_LAYER_GZIP;
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
                && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            return MediaTypes.OCI_LAYER_ZSTD;
        }
        return MediaTypes.OCI_LAYER;
    }

    /** True for layer media types whose blob is a plain tar, so the blob digest must equal the diffID. */
    public static boolean isUncompressed(String mediaType) {
        return MediaTypes.OCI_LAYER.equals(mediaType) || MediaTypes.DOCKER_LAYER.equals(mediaType)
                || "application/vnd.oci.image.layer.nondistributable.v1.tar".equals(mediaType)
                || "application/vnd.docker.image.rootfs.foreign.diff.tar".equals(mediaType);
    }
}
