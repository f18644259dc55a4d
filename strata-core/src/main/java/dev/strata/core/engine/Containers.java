package dev.strata.core.engine;

import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.ContainerState;
import dev.strata.core.container.ContainerStore;
import dev.strata.core.container.RunOptions;
import dev.strata.core.oci.Digest;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The container verbs of the engine façade: {@code create}, {@code run}, {@code ps}, {@code commit} and the rest,
 * as a library. Nothing here prints. Thread-safe.
 */
public final class Containers {
    private final LocalStore store;
    private final ContainerStore containers;
    private final Clock clock;
    private final RandomGenerator random;

    Containers(LocalStore store, Clock clock, RandomGenerator random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.containers = new ContainerStore(store.layout().root().resolve("containers"), store.lock());
    }

    /** {@code create}: returns the new container's record. */
    public ContainerRecord create(RunOptions options) {
        ContainerCreator.HostPlan plan = new ContainerCreator.HostPlan(List.of(), List.of(), List.of(), List.of(),
                options.network() == null ? "none" : options.network());
        return new ContainerCreator(store, containers, clock, random).create(options, plan);
    }

    /**
     * {@code ps}: containers newest first; all of them or only the running ones, then those the filters keep,
     * then the {@code last} newest when {@code last > 0}.
     */
    public List<Container> list(boolean all, List<String> filters, int last) {
        Predicate<Container> filter = ContainerFilter.parse(filters, this::find, this::imageIds);
        List<Container> listed = containers.list().stream()
                .filter(c -> all || last > 0 || c.state().status().isActive())
                .filter(filter)
                .toList();
        return last > 0 && listed.size() > last ? listed.subList(0, last) : listed;
    }

    /** The container named by ID, name or unique ID prefix. */
    public Container find(String nameOrId) {
        return containers.find(nameOrId);
    }

    /** {@code container inspect}: Docker's JSON object. */
    public java.util.Map<String, Object> inspect(String nameOrId) {
        return ContainerInspectView.of(store, find(nameOrId));
    }

    /** {@code rename}. */
    public void rename(String nameOrId, String newName) {
        containers.rename(find(nameOrId).id(), newName);
    }

    /** {@code commit}: returns the new image's ID. */
    public Digest commit(CommitRequest request) {
        Container container = find(request.container());
        return new Committer(store, clock).commit(container, request, Committer.Freezer.NONE);
    }

    /** IDs of the containers made from an image, for {@code rmi}'s in-use check. */
    public List<Container> usersOf(Digest imageId) {
        return containers.list().stream().filter(c -> c.record().imageId().equals(imageId.toString())).toList();
    }

    /** The image IDs an {@code ancestor} filter names: the image and every image built on top of it. */
    private List<String> imageIds(String name) {
        ImageIndex.Snapshot index = store.index().read();
        ImageRecord base = ImageResolver.resolve(index, name);
        List<String> ids = new java.util.ArrayList<>(List.of(base.id().toString()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ImageRecord image : index.images()) {
                if (image.parent() != null && ids.contains(image.parent().toString()) && !ids.contains(image.id().toString())) {
                    ids.add(image.id().toString());
                    grew = true;
                }
            }
        }
        return ids;
    }

    ContainerStore store() {
        return containers;
    }

    static boolean isRunning(ContainerState state) {
        return state.status().isActive();
    }
}
