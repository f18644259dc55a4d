package dev.strata.core.runtime.rootfs;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * File names and link targets between bytes and strings, in the encoding the JDK uses for file names, so that
 * a name read from the disk and written back names the same file.
 */
final class FileNames {
    private static final Charset CHARSET = charset();

    private FileNames() {}

    static String string(byte[] bytes) {
        return new String(bytes, CHARSET);
    }

    static byte[] bytes(String text) {
        return text.getBytes(CHARSET);
    }

    private static Charset charset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
