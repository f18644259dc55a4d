package dev.strata.core.engine;

import dev.strata.core.oci.Platform;

/** {@code pull NAME[:TAG|@DIGEST]}: every tag of the repository with {@code allTags}; {@code platform} null for the default. */
public record PullRequest(String name, boolean allTags, Platform platform, RegistrySettings settings) {}
