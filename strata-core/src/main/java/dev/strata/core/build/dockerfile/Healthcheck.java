package dev.strata.core.build.dockerfile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * HEALTHCHECK: the image config's health check. {@code test} is {@code ["NONE"]} (disable the base image's check),
 * {@code ["CMD", args...]} (exec form) or {@code ["CMD-SHELL", command]} (shell form); durations of zero and
 * retries of zero mean "not set, inherit".
 */
public record Healthcheck(Origin origin, List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                          Duration startInterval, int retries) implements Instruction {
    public Healthcheck {
        Objects.requireNonNull(origin, "origin");
        test = List.copyOf(test);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(startPeriod, "startPeriod");
        Objects.requireNonNull(startInterval, "startInterval");
        if (test.isEmpty() || retries < 0) {
            throw new IllegalArgumentException("bad health check " + test + " retries " + retries);
        }
    }

    /** Whether this is {@code HEALTHCHECK NONE}. */
    public boolean isNone() {
        return test.equals(List.of("NONE"));
    }
}
