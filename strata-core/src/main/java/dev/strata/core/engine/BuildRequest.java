package dev.strata.core.engine;

import dev.strata.core.oci.Reference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code build} is asked to do, its context and Dockerfile aside (see {@link Engine#build}).
 *
 * @param tags the names the result gets ({@code -t}, several allowed)
 * @param buildArgs {@code --build-arg} values
 * @param target the stage to stop at ({@code --target}), or empty for the last one
 * @param labels {@code --label}s, set on the resulting image
 * @param noCache run every step ({@code --no-cache})
 * @param network the network RUN steps get: {@code none} (the default), {@code host}, or {@code slirp4netns}
 * @param squash make one new layer of everything the build added on top of its base image
 * @param removeContainers remove a RUN step's container after it succeeds ({@code --rm}, the default)
 * @param forceRemove remove it after it fails too ({@code --force-rm})
 * @param sourceDateEpoch when set, every timestamp the build writes (history, config, file times) is this one
 * @param pull pull every base image ({@code FROM}, {@code COPY --from=IMAGE}) even when the store has it ({@code --pull})
 * @param registries where base images the store lacks are pulled from; empty: the build needs them in the store
 */
public record BuildRequest(List<Reference> tags, Map<String, String> buildArgs, Optional<String> target,
        Map<String, String> labels, boolean noCache, String network, boolean squash, boolean removeContainers,
        boolean forceRemove, Optional<Instant> sourceDateEpoch, boolean pull, Optional<RegistrySettings> registries) {
    public BuildRequest {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        Objects.requireNonNull(target, "target");
        labels = Map.copyOf(labels);
        network = network == null || network.isEmpty() ? "none" : network;
        Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
        Objects.requireNonNull(registries, "registries");
    }
}
