package dev.strata.core.engine;

import java.nio.file.Path;

/**
 * A login that worked: the server key it is stored under, and whether the password sits in {@code config} itself
 * (Docker then warns it is stored unencrypted) rather than with a credential helper.
 */
public record LoginResult(String server, boolean storedInFile, Path config) {}
