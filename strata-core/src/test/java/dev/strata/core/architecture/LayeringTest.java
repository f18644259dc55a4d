package dev.strata.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core's package dependencies pointing one way, lower to higher, as DESIGN.md draws them:
 * a package may use the packages before it in {@link #ORDER}, never those after it. {@code sys} sits at the bottom
 * (DESIGN.md lists it later) because unpacking layers needs mknod and xattrs, and digests need libcrypto's SHA-256.
 * Only {@code sys} may use the foreign function API.
 */
class LayeringTest {
    static final List<String> ORDER = List.of("", "sys", "oci", "progress", "content", "archive", "image", "snapshot",
            "store", "runtime", "volume", "container", "build", "distribution", "engine");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.strata\\.core\\.?([a-z]*)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("dev\\.strata\\.core\\.([a-z]+)\\.[A-Z]");
    private static final Path MAIN = Path.of("src/main/java/dev/strata/core");

    @Test
    void dependenciesPointDownward() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = topPackage(file);
                int ownRank = ORDER.indexOf(own);
                assertThat(ownRank).as("package %s of %s must be placed in LayeringTest.ORDER", own, file).isNotNegative();
                String source = Files.readString(file);
                for (Pattern pattern : List.of(IMPORT, QUALIFIED)) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        String used = m.group(1);
                        int usedRank = ORDER.indexOf(used);
                        if (usedRank > ownRank) {
                            violations.add(file + " (" + own + ") uses " + used);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlySysUsesForeignFunctions() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> users = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !topPackage(p).equals("sys"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("java.lang.foreign");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(users).isEmpty();
        }
    }

    private static String topPackage(Path file) {
        Path relative = MAIN.relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }
}
