package dev.strata.core.progress;

/** Receives the core's events; must be thread-safe, as layers are processed concurrently. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = event -> {};

    void onEvent(Event event);
}
