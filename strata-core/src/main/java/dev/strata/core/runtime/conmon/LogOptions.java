package dev.strata.core.runtime.conmon;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code logs} shows, as Docker's flags say it.
 *
 * @param timestamps put each line's time (UTC, nanoseconds) in front of it ({@code -t})
 * @param tail only the last N lines ({@code --tail N}); empty for all
 * @param follow keep showing new lines until the container ends ({@code -f})
 * @param since only lines written at or after this time
 * @param until only lines written at or before this time
 */
public record LogOptions(boolean timestamps, OptionalInt tail, boolean follow, Optional<Instant> since,
        Optional<Instant> until) {
    public LogOptions {
        Objects.requireNonNull(tail, "tail");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (tail.isPresent() && tail.getAsInt() < 0) {
            throw new IllegalArgumentException("negative tail " + tail.getAsInt());
        }
    }

    /** Every line, without timestamps, without following. */
    public static LogOptions all() {
        return new LogOptions(false, OptionalInt.empty(), false, Optional.empty(), Optional.empty());
    }

    public LogOptions withTimestamps(boolean on) {
        return new LogOptions(on, tail, follow, since, until);
    }

    public LogOptions withTail(int lines) {
        return new LogOptions(timestamps, OptionalInt.of(lines), follow, since, until);
    }

    public LogOptions withFollow(boolean on) {
        return new LogOptions(timestamps, tail, on, since, until);
    }

    public LogOptions withSince(Instant time) {
        return new LogOptions(timestamps, tail, follow, Optional.of(time), until);
    }

    public LogOptions withUntil(Instant time) {
        return new LogOptions(timestamps, tail, follow, since, Optional.of(time));
    }

    boolean admits(Instant time) {
        return since.map(s -> !time.isBefore(s)).orElse(true) && until.map(u -> !time.isAfter(u)).orElse(true);
    }
}
