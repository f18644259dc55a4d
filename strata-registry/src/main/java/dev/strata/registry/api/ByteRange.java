package dev.strata.registry.api;

import java.util.Optional;

/**
 * One byte range of a blob, from a request's {@code Range} header (RFC 9110 section 14): {@code bytes=A-B},
 * {@code bytes=A-} or {@code bytes=-N}. A syntactically bad or multi-range header is ignored (the whole blob is
 * sent, as the RFC allows); a range that selects nothing is {@link #UNSATISFIABLE}.
 */
record ByteRange(long offset, long length) {
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    boolean satisfiable() {
        return offset >= 0;
    }

    /** The range of a blob of {@code size} bytes asked by {@code header}; empty to send the whole blob. */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String first = spec.substring(0, dash).strip();
            String last = spec.substring(dash + 1).strip();
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    return Optional.empty();
                }
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    return Optional.of(UNSATISFIABLE);
                }
                long length = Math.min(suffix, size);
                return Optional.of(new ByteRange(size - length, length));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Long.parseLong(last);
            if (start < 0 || end < start || start >= size) {
                return Optional.of(UNSATISFIABLE);
            }
            end = Math.min(end, size - 1);
            return Optional.of(new ByteRange(start, end - start + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
