package dev.strata.core.runtime.rootfs;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Link targets from bytes to strings, in the encoding the JDK uses for file names, so that a target read from
 * the disk names the same file when it is looked up again.
 */
final class FileNames {
    private static final Charset CHARSET = charset();

    private FileNames() {}

    static String string(byte[] bytes) {
        return new String(bytes, CHARSET);
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
