package dev.strata.core.container;

import dev.strata.core.oci.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What {@code create} decided about a container; written once and never changed (but for the name, which
 * {@code rename} replaces). The image is pinned by ID and by the chain IDs of its layers, so the container keeps
 * working when its tag moves.
 */
public record ContainerRecord(String id, String name, String created, String imageName, String imageId,
        List<Digest> layers, String path, List<String> args, RunConfig config, HostSettings host) {

    public ContainerRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The first twelve hex digits, as {@code ps} shows. */
    public String shortId() {
        return id.substring(0, 12);
    }

    /** The command line as {@code ps} shows it: path and arguments. */
    public List<String> command() {
        List<String> all = new java.util.ArrayList<>();
        if (path != null && !path.isEmpty()) {
            all.add(path);
        }
        all.addAll(args);
        return all;
    }

    public ContainerRecord withName(String newName) {
        return new ContainerRecord(id, newName, created, imageName, imageId, layers, path, args, config, host);
    }
}
