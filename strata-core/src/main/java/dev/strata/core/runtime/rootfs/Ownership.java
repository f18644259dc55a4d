package dev.strata.core.runtime.rootfs;

/** Who owns the files copied into a container. */
public sealed interface Ownership {
    /** The owners the archive names, by number ({@code docker cp -a}, and the Engine API's default). */
    record FromArchive() implements Ownership {}

    /** One owner for every file, such as the container's root user. */
    record Fixed(long uid, long gid) implements Ownership {
        public Fixed {
            if (uid < 0 || gid < 0 || uid > 0xffff_fffeL || gid > 0xffff_fffeL) {
                throw new IllegalArgumentException("not a user and group ID: " + uid + ":" + gid);
            }
        }
    }

    static Ownership fromArchive() {
        return new FromArchive();
    }

    /** Root of the container (0:0): what {@code docker cp} documents for files copied in. */
    static Ownership root() {
        return new Fixed(0, 0);
    }
}
