package dev.strata.core.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.strata.core.sys.NativeSha256;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content digest as the OCI image spec defines it: {@code algorithm ":" encoded}.
 * Only sha256 and sha512 are accepted, and their encoded part must be lower-case hex of the right length.
 */
public record Digest(String algorithm, String encoded) implements Comparable<Digest> {
    public Digest {
        int length = switch (algorithm) {
            case "sha256" -> 64;
            case "sha512" -> 128;
            default -> throw new InvalidDigestException("unsupported digest algorithm \"" + algorithm + "\"");
        };
        if (encoded.length() != length || !isLowerHex(encoded)) {
            throw new InvalidDigestException("invalid " + algorithm + " digest \"" + encoded + "\"");
        }
    }

    // a loop, not a regular expression: the first match of any pattern costs milliseconds on a cold JVM, and the
    // image index holds hundreds of digests
    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    // equals and hashCode are written out: a record's generated ones are linked through invokedynamic on first
    // use, some 10 ms on a cold JVM, and a digest is the first map key of nearly every command.
    @Override
    public boolean equals(Object other) {
        return other instanceof Digest d && encoded.equals(d.encoded) && algorithm.equals(d.algorithm);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    /** Parses {@code sha256:<hex>}. */
    @JsonCreator
    public static Digest parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidDigestException("invalid digest \"" + text + "\": expected ALGORITHM:HEX");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static boolean isDigest(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidDigestException e) {
            return false;
        }
    }

    /** The sha256 digest of these bytes. */
    public static Digest sha256(byte[] bytes) {
        return fromSha256(newSha256().digest(bytes));
    }

    public static Digest fromSha256(byte[] raw) {
        return new Digest("sha256", HexFormat.of().formatHex(raw));
    }

    /** A SHA-256 digest, libcrypto's where it can be loaded (many times faster on a JVM that has not warmed up). */
    public static MessageDigest newSha256() {
        return NativeSha256.create();
    }

    public MessageDigest newMessageDigest() {
        if (algorithm.equals("sha256")) {
            return newSha256();
        }
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + algorithm, e);
        }
    }

    /** The first 12 hex characters, as Docker shows short IDs. */
    public String shortHex() {
        return encoded.substring(0, 12);
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }
}
