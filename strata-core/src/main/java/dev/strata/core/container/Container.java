package dev.strata.core.container;

/** One container as read from the store: its record, its last recorded state, and where its files are. */
public record Container(ContainerRecord record, ContainerState state, ContainerPaths paths) {
    public String id() {
        return record.id();
    }

    public String name() {
        return record.name();
    }

    public Container withState(ContainerState newState) {
        return new Container(record, newState, paths);
    }
}
