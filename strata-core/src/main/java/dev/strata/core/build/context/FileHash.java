package dev.strata.core.build.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The checksum Docker's builder gives one file of a context: SHA-256 over the file's tar header in the
 * "tarsum v1" selection, then its content. The header fields, in order and each as name then value with no
 * separator: {@code name} (the path relative to the context root, a directory's with a trailing slash),
 * {@code mode} (permission, setuid, setgid and sticky bits, in decimal), {@code uid} and {@code gid} (always 0:
 * Docker's client sends the context as root's, so owners never count), {@code size} (regular files only),
 * {@code typeflag}, {@code linkname} (a symbolic link's target), {@code uname}, {@code gname} (empty),
 * {@code devmajor}, {@code devminor}, then the {@code security.capability} extended attribute when a file has one.
 * Modification times are not in it, so touching a file changes nothing. Stateless.
 */
final class FileHash {
    private static final byte[] UID_GID = "uid0gid0".getBytes(StandardCharsets.US_ASCII);

    private FileHash() {}

    static MessageDigest sha256() {
        return dev.strata.core.oci.Digest.newSha256();
    }

    /** Feeds the header of {@code file} to {@code digest}; the content, for a regular file, goes after it. */
    static void header(MessageDigest digest, ContextFile file, byte[] capability) {
        FileInfo info = file.info();
        String name = info.isDirectory() ? file.path() + "/" : file.path();
        field(digest, "name", name.getBytes(StandardCharsets.UTF_8));
        field(digest, "mode", Integer.toString(info.permissions()));
        digest.update(UID_GID);
        field(digest, "size", Long.toString(info.isRegularFile() ? info.size() : 0));
        field(digest, "typeflag", String.valueOf(typeflag(info)));
        byte[] link = file.linkTarget() == null ? new byte[0] : file.linkTarget().getBytes(StandardCharsets.UTF_8);
        field(digest, "linkname", link);
        field(digest, "uname", "");
        field(digest, "gname", "");
        field(digest, "devmajor", Long.toString(info.rdevMajor()));
        field(digest, "devminor", Long.toString(info.rdevMinor()));
        if (capability != null) {
            field(digest, "security.capability", capability);
        }
    }

    /** The whole checksum of an entry without content (directory, link, device, empty file without capability). */
    static byte[] ofHeaderOnly(ContextFile file) {
        MessageDigest digest = sha256();
        header(digest, file, null);
        return digest.digest();
    }

    /** The tar type flag Go's archive/tar gives a file of this mode. */
    static char typeflag(FileInfo info) {
        return switch (info.type()) {
            case FileInfo.S_IFREG -> '0';
            case FileInfo.S_IFLNK -> '2';
            case FileInfo.S_IFCHR -> '3';
            case FileInfo.S_IFBLK -> '4';
            case FileInfo.S_IFDIR -> '5';
            case FileInfo.S_IFIFO -> '6';
            default -> throw new IllegalArgumentException("no tar type for mode " + Integer.toOctalString(info.mode()));
        };
    }

    private static void field(MessageDigest digest, String name, String value) {
        field(digest, name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, String name, byte[] value) {
        digest.update(name.getBytes(StandardCharsets.US_ASCII));
        digest.update(value);
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
