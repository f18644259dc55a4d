package dev.strata.registry.auth.jose;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * Key IDs as Docker's libtrust computes them, which the CNCF registry uses to find a trusted key by a token's
 * {@code kid}: the first 240 bits of the SHA-256 of the key's DER SubjectPublicKeyInfo, base32, in twelve groups of
 * four joined by colons. Stateless.
 */
public final class KeyIds {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private KeyIds() {}

    public static String libtrust(PublicKey key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        String text = base32(Arrays.copyOf(digest, 30));
        var id = new StringBuilder();
        for (int i = 0; i < text.length(); i += 4) {
            if (i > 0) {
                id.append(':');
            }
            id.append(text, i, i + 4);
        }
        return id.toString();
    }

    /** RFC 4648 base32 of a length that is a multiple of 5, so there is no padding to strip. */
    private static String base32(byte[] bytes) {
        var out = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 5) {
            long chunk = 0;
            for (int j = 0; j < 5; j++) {
                chunk = (chunk << 8) | (bytes[i + j] & 0xff);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                out.append(BASE32[(int) ((chunk >>> shift) & 31)]);
            }
        }
        return out.toString();
    }
}
