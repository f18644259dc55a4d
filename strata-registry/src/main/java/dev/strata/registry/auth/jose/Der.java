package dev.strata.registry.auth.jose;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The few ASN.1 DER encodings that token keys need: enough to write a self-signed X.509 certificate and to unwrap
 * PKCS#1 and SEC1 private keys into PKCS#8, which is all the JDK reads. Not a general ASN.1 library. Stateless.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0c;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int BOOLEAN = 0x01;

    private Der() {}

    /** One tag-length-value. */
    static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... items) {
        return tlv(SEQUENCE, concat(items));
    }

    static byte[] set(byte[]... items) {
        return tlv(SET, concat(items));
    }

    /** A context-specific constructed tag {@code [n]}, as EXPLICIT tagging writes it. */
    static byte[] explicit(int n, byte[] inner) {
        return tlv(0xa0 | n, inner);
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0)});
    }

    static byte[] nul() {
        return new byte[] {NULL, 0};
    }

    static byte[] octetString(byte[] content) {
        return tlv(OCTET_STRING, content);
    }

    /** A BIT STRING of whole bytes, or with {@code unusedBits} trailing bits unused (as key usage needs). */
    static byte[] bitString(int unusedBits, byte[] content) {
        byte[] body = new byte[content.length + 1];
        body[0] = (byte) unusedBits;
        System.arraycopy(content, 0, body, 1, content.length);
        return tlv(BIT_STRING, body);
    }

    static byte[] utf8(String text) {
        return tlv(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An X.509 Time: UTCTime through 2049, GeneralizedTime after (RFC 5280 section 4.1.2.5). */
    static byte[] time(ZonedDateTime when) {
        var utc = when.withZoneSameInstant(ZoneOffset.UTC);
        boolean utcTime = utc.getYear() < 2050;
        String text = utc.format(DateTimeFormatter.ofPattern(utcTime ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'"));
        return tlv(utcTime ? UTC_TIME : GENERALIZED_TIME, text.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        var out = new ByteArrayOutputStream();
        writeBase128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, Long.parseLong(arcs[i]));
        }
        return tlv(OID, out.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int digit = (int) ((value >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? digit : digit | 0x80);
        }
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** One parsed element: its tag and content bytes. */
    record Element(int tag, byte[] content) {
        /** The elements inside a constructed element (SEQUENCE, SET, {@code [n]}). */
        List<Element> children() {
            return parseAll(content);
        }

        String oid() {
            if (tag != OID) {
                throw new IllegalArgumentException("expected an OBJECT IDENTIFIER, found tag " + tag);
            }
            var text = new StringBuilder();
            long value = 0;
            boolean first = true;
            for (byte b : content) {
                value = (value << 7) | (b & 0x7f);
                if ((b & 0x80) == 0) {
                    if (first) {
                        long top = Math.min(2, value / 40);
                        text.append(top).append('.').append(value - 40 * top);
                        first = false;
                    } else {
                        text.append('.').append(value);
                    }
                    value = 0;
                }
            }
            return text.toString();
        }
    }

    /** Parses a run of DER elements that fills {@code bytes} exactly. */
    static List<Element> parseAll(byte[] bytes) {
        var elements = new ArrayList<Element>();
        int at = 0;
        while (at < bytes.length) {
            if (at + 2 > bytes.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            int tag = bytes[at++] & 0xff;
            int length = bytes[at++] & 0xff;
            if (length >= 0x80) {
                int count = length & 0x7f;
                if (count == 0 || count > 4 || at + count > bytes.length) {
                    throw new IllegalArgumentException("bad DER length");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[at++] & 0xff);
                }
            }
            if (length < 0 || at + length > bytes.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            byte[] content = new byte[length];
            System.arraycopy(bytes, at, content, 0, length);
            elements.add(new Element(tag, content));
            at += length;
        }
        return elements;
    }

    /** Parses exactly one element. */
    static Element parse(byte[] bytes) {
        List<Element> all = parseAll(bytes);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + all.size());
        }
        return all.getFirst();
    }
}
