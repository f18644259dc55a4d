package dev.strata.core.build;

import dev.strata.core.oci.Digest;

/**
 * What a build reports as it goes, in order; the CLI prints them as Docker's classic builder does
 * ({@code Step 2/5 : RUN make}, {@code  ---> Using cache}, ...). A RUN step's own output does not come as events
 * but through the listener's streams, as it is written.
 */
public sealed interface BuildEvent {
    /** A step starts: {@code number} of {@code total}, the instruction as written. */
    record Step(int number, int total, String instruction) implements BuildEvent {}

    /** The base image's ONBUILD triggers are about to run, {@code count} of them. */
    record Triggers(int count) implements BuildEvent {}

    /** The step's result came from the build cache. */
    record CacheHit() implements BuildEvent {}

    /** The step runs in a container. */
    record Running(String containerId) implements BuildEvent {}

    /** The container of a step was removed after it. */
    record ContainerRemoved(String containerId) implements BuildEvent {}

    /** The image a step ended with ({@code null} for {@code FROM scratch}, which has none). */
    record StepImage(Digest image) implements BuildEvent {}

    /** Something the user should know that does not stop the build. */
    record Warning(String message) implements BuildEvent {}

    /** The build succeeded with this image. */
    record Built(Digest image) implements BuildEvent {}

    /** A tag now names the built image. */
    record Tagged(String reference) implements BuildEvent {}
}
