package dev.strata.core.engine;

/** {@code push NAME[:TAG]}: every local tag of the repository with {@code allTags}. */
public record PushRequest(String name, boolean allTags, RegistrySettings settings) {}
