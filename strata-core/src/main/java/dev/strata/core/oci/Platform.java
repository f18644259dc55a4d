package dev.strata.core.oci;

/** The platform an image runs on, as an index entry describes it. */
public record Platform(String architecture, String os, String variant) {

    /** The platform of this machine in Go's naming (amd64, arm64, …). */
    public static Platform host() {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> System.getProperty("os.arch");
        };
        return new Platform(arch, "linux", null);
    }
}
