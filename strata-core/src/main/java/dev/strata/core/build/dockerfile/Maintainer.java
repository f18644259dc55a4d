package dev.strata.core.build.dockerfile;

import java.util.Objects;

/** MAINTAINER (deprecated): the image's author, as written. */
public record Maintainer(Origin origin, String maintainer) implements Instruction {
    public Maintainer {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(maintainer, "maintainer");
    }
}
