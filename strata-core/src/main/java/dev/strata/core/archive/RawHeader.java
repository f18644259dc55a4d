package dev.strata.core.archive;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of one entry's header blocks that Commons Compress cannot hand over intact, read from the
 * raw bytes: names exactly as written (it strips a leading slash from PAX and GNU long names, which
 * would hide an absolute path from the safety checks) and extended attribute values as bytes (it
 * decodes PAX values as UTF-8, which destroys binary ones such as {@code security.capability}).
 *
 * @param type the type flag of the entry's own header block
 * @param name the entry's name: PAX {@code path}, else GNU long name, else the ustar prefix and name
 * @param linkTarget PAX {@code linkpath}, else GNU long link, else the ustar link name; raw bytes
 * @param xattrs extended attributes from this entry's PAX records
 * @param trailer true if the blocks end with the all-zero block that ends an archive
 */
record RawHeader(byte type, String name, byte[] linkTarget, Map<String, byte[]> xattrs, boolean trailer) {
    static final int BLOCK = 512;

    private static final String SCHILY_XATTR = "SCHILY.xattr.";
    private static final String LIBARCHIVE_XATTR = "LIBARCHIVE.xattr.";

    /**
     * Reads the header blocks in {@code bytes}, which were read starting at stream offset {@code start}:
     * first the padding that ends the previous entry, then extension headers (PAX, GNU long names) with
     * their content, then the entry's own header.
     *
     * @return the entry's header, or one with {@code trailer} set if the archive ends here, or null if the
     *     bytes hold no complete header
     */
    static RawHeader parse(byte[] bytes, int length, long start) {
        int position = (int) ((BLOCK - start % BLOCK) % BLOCK);
        String paxPath = null;
        byte[] paxLink = null;
        String gnuName = null;
        byte[] gnuLink = null;
        Map<String, byte[]> xattrs = Map.of();
        while (position + BLOCK <= length) {
            if (isZero(bytes, position)) {
                return new RawHeader((byte) 0, null, null, Map.of(), true);
            }
            byte type = bytes[position + 156];
            long size = number(bytes, position + 124, 12);
            int data = position + BLOCK;
            int end = (int) Math.min(length, data + Math.max(0, size));
            switch (type) {
                case 'x' -> {
                    Pax pax = Pax.parse(bytes, data, end);
                    paxPath = pax.path != null ? pax.path : paxPath;
                    paxLink = pax.link != null ? pax.link : paxLink;
                    xattrs = pax.xattrs.isEmpty() ? xattrs : pax.xattrs;
                }
                case 'g' -> { } // global PAX headers: names and xattrs there would apply to every entry; not used by layers
                case 'L' -> gnuName = utf8(bytes, data, cString(bytes, data, end - data));
                case 'K' -> gnuLink = Arrays.copyOfRange(bytes, data, data + cString(bytes, data, end - data));
                default -> {
                    String name = paxPath != null ? paxPath : gnuName != null ? gnuName : ustarName(bytes, position);
                    byte[] link = paxLink != null ? paxLink : gnuLink != null ? gnuLink
                            : Arrays.copyOfRange(bytes, position + 157, position + 157 + cString(bytes, position + 157, 100));
                    return new RawHeader(type, name, link, xattrs, false);
                }
            }
            position = data + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        }
        return null;
    }

    private static String ustarName(byte[] b, int header) {
        String name = utf8(b, header, cString(b, header, 100));
        boolean posix = b[header + 257] == 'u' && b[header + 262] == 0 && b[header + 261] == 'r';
        if (!posix) {
            return name; // GNU and old formats keep other fields where POSIX has the prefix
        }
        boolean xstar = b[header + 508] == 't' && b[header + 509] == 'a' && b[header + 510] == 'r' && b[header + 511] == 0;
        int prefixLength = cString(b, header + 345, xstar ? 131 : 155);
        return prefixLength == 0 ? name : utf8(b, header + 345, prefixLength) + "/" + name;
    }

    /** A numeric header field: octal digits, or base-256 when the high bit of the first byte is set. */
    static long number(byte[] b, int offset, int length) {
        if ((b[offset] & 0x80) != 0) {
            long value = b[offset] & 0x3f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (b[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (b[i] == ' ' || b[i] == 0)) {
            i++;
        }
        for (; i < end && b[i] >= '0' && b[i] <= '7'; i++) {
            value = (value << 3) + (b[i] - '0');
        }
        return value;
    }

    private static boolean isZero(byte[] b, int offset) {
        for (int i = offset; i < offset + BLOCK; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int cString(byte[] b, int offset, int max) {
        int length = 0;
        while (length < max && b[offset + length] != 0) {
            length++;
        }
        return length;
    }

    private static String utf8(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.UTF_8);
    }

    /** The records of one PAX extended header: {@code "LENGTH KEY=VALUE\n"}, LENGTH counting the whole record. */
    private record Pax(String path, byte[] link, Map<String, byte[]> xattrs) {
        static Pax parse(byte[] b, int start, int end) {
            String path = null;
            byte[] link = null;
            Map<String, byte[]> xattrs = new LinkedHashMap<>();
            int p = start;
            while (p < end) {
                int space = p;
                int length = 0;
                while (space < end && b[space] >= '0' && b[space] <= '9') {
                    length = length * 10 + (b[space++] - '0');
                }
                if (space >= end || b[space] != ' ' || length <= 0 || p + length > end) {
                    break; // Commons Compress has already rejected a malformed header; padding ends here
                }
                int recordEnd = p + length - 1; // the newline
                int equals = space + 1;
                while (equals < recordEnd && b[equals] != '=') {
                    equals++;
                }
                String key = utf8(b, space + 1, equals - space - 1);
                byte[] value = Arrays.copyOfRange(b, Math.min(equals + 1, recordEnd), recordEnd);
                if (key.equals("path")) {
                    path = value.length == 0 ? null : utf8(value, 0, value.length);
                } else if (key.equals("linkpath")) {
                    link = value.length == 0 ? null : value;
                } else if (key.startsWith(SCHILY_XATTR) && key.length() > SCHILY_XATTR.length()) {
                    xattrs.put(key.substring(SCHILY_XATTR.length()), value);
                } else if (key.startsWith(LIBARCHIVE_XATTR) && key.length() > LIBARCHIVE_XATTR.length()) {
                    libarchiveXattr(xattrs, key.substring(LIBARCHIVE_XATTR.length()), value);
                }
                p += length;
            }
            return new Pax(path, link, xattrs);
        }

        // libarchive writes the name URL-encoded and the value in base64.
        private static void libarchiveXattr(Map<String, byte[]> xattrs, String encodedName, byte[] base64) {
            try {
                String name = java.net.URLDecoder.decode(encodedName.replace("+", "%2B"), StandardCharsets.UTF_8);
                xattrs.put(name, Base64.getDecoder().decode(new String(base64, StandardCharsets.US_ASCII).strip()));
            } catch (IllegalArgumentException e) {
                // an undecodable record is ignored, as libarchive itself does
            }
        }
    }
}
