package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.Platform;
import java.util.Locale;

/** Picks the manifest for one platform out of an index or manifest list, as Docker does. Stateless. */
public final class PlatformSelector {
    private PlatformSelector() {}

    /** Parses {@code os/arch[/variant]} (Docker's {@code --platform}); the OS is optional ({@code arm64}). */
    public static Platform parse(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("/");
        if (parts.length == 1 && !parts[0].isEmpty()) {
            return new Platform(normaliseArch(parts[0]), "linux", null);
        }
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "\"" + text
                    + "\": unknown operating system or architecture: invalid argument");
        }
        return new Platform(normaliseArch(parts[1]), parts[0], parts.length == 3 ? parts[2] : null);
    }

    private static String normaliseArch(String arch) {
        return switch (arch) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    /** The best entry for {@code wanted}: same OS and architecture, and the variant when one is asked for. */
    public static Descriptor select(Index index, Platform wanted) {
        Descriptor fallback = null;
        for (Descriptor d : index.manifests()) {
            Platform p = d.platform();
            if (p == null || !wanted.os().equals(p.os()) || !wanted.architecture().equals(p.architecture())) {
                continue;
            }
            if (wanted.variant() == null || wanted.variant().equals(p.variant())) {
                if (wanted.variant() != null || p.variant() == null) {
                    return d;
                }
                if (fallback == null) {
                    fallback = d;
                }
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new StrataException(StrataException.Kind.NOT_FOUND, "no matching manifest for " + wanted.os() + "/"
                + wanted.architecture() + (wanted.variant() == null ? "" : "/" + wanted.variant())
                + " in the manifest list entries");
    }
}
