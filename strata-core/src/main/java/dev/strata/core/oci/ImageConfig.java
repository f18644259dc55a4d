package dev.strata.core.oci;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An image configuration blob (OCI image-spec "config", the same JSON Docker writes). The digest of its
 * raw bytes is the image ID; this record is only for reading fields and for building new configs, never for
 * re-encoding an existing one.
 */
public record ImageConfig(String architecture, String author, ContainerConfig config, String created,
        List<History> history, String os, RootFs rootfs, String variant, String comment, String dockerVersion,
        String parent) {

    public ImageConfig {
        history = history == null ? List.of() : List.copyOf(history);
        rootfs = rootfs == null ? new RootFs("layers", List.of()) : rootfs;
        config = config == null ? ContainerConfig.EMPTY : config;
    }

    public static ImageConfig parse(byte[] raw) {
        ImageConfig config = ImageConfigCodec.read(raw);
        if (!"layers".equals(config.rootfs().type())) {
            throw new InvalidContentException("image config has rootfs type \"" + config.rootfs().type() + "\", not \"layers\"");
        }
        return config;
    }

    /** The JSON whose digest is the image ID of a new image: compact, fields in a fixed order, empty ones left out. */
    public byte[] toJson() {
        return ImageConfigCodec.write(this);
    }

    /** The creation time, or the epoch if the config has none or an unreadable one. */
    public Instant createdInstant() {
        return parseTime(created);
    }

    public static Instant parseTime(String text) {
        if (text == null || text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Rfc3339.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    public List<Digest> diffIds() {
        return rootfs.diffIds();
    }

    /** The list of diffIDs of the layers, bottom first. */
    public record RootFs(String type, List<Digest> diffIds) {
        public RootFs {
            diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        }
    }

    /** One step of how the image was made; {@code emptyLayer} steps have no layer of their own. */
    public record History(String created, String createdBy, String author, String comment, boolean emptyLayer) {}
}
