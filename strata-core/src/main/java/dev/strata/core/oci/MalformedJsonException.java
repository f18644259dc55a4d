package dev.strata.core.oci;

import dev.strata.core.StrataException;

/**
 * JSON that {@link JsonPullParser} or a reader on it refuses: bad syntax ("PROBLEM at byte N"), or a well-formed
 * value that is not what its field holds (the problem alone, which names the field). Codecs wrap it into an
 * {@link InvalidContentException} that names the document.
 */
public final class MalformedJsonException extends StrataException {
    private final int offset;

    private MalformedJsonException(String message, int offset) {
        super(Kind.CORRUPT, message);
        this.offset = offset;
    }

    /** Bad syntax at {@code offset}, a byte offset into the document. */
    static MalformedJsonException syntax(String problem, int offset) {
        return new MalformedJsonException(problem + " at byte " + offset, offset);
    }

    /** A value refused by its reader; {@code offset} is where the value starts. */
    static MalformedJsonException value(String problem, int offset) {
        return new MalformedJsonException(problem, offset);
    }

    /** The byte offset in the document where the problem is (for a refused value, where the value starts). */
    public int offset() {
        return offset;
    }
}
