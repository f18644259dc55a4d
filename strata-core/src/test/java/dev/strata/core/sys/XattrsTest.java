package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XattrsTest {
    @TempDir
    Path dir;

    @Test
    void setGetListAndRemoveAUserAttribute() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        Xattrs.set(file, "user.colour", "blue".getBytes(StandardCharsets.UTF_8));

        assertThat(Xattrs.list(file)).contains("user.colour");
        assertThat(Xattrs.get(file, "user.colour")).hasValueSatisfying(v -> assertThat(v).asString().isEqualTo("blue"));
        Xattrs.remove(file, "user.colour");
        assertThat(Xattrs.get(file, "user.colour")).isEmpty();
        assertThat(Xattrs.list(file)).doesNotContain("user.colour");
    }

    @Test
    void valuesAreRawBytesAndMayBeLargerThanTheFirstBuffer() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        byte[] binary = new byte[3000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }

        Xattrs.set(file, "user.blob", binary);

        assertThat(Xattrs.get(file, "user.blob")).hasValueSatisfying(v -> assertThat(v).isEqualTo(binary));
    }

    @Test
    void emptyValueIsPresentAndEmpty() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        Xattrs.set(file, "user.empty", new byte[0]);

        assertThat(Xattrs.get(file, "user.empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
    }

    @Test
    void listReturnsManyNames() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        for (int i = 0; i < 40; i++) {
            Xattrs.set(file, "user.attribute-number-" + i, new byte[] {1});
        }

        assertThat(Xattrs.list(file)).hasSize(40).contains("user.attribute-number-39");
    }

    @Test
    @Tag("root")
    void trustedAttributesWorkOnASymbolicLinkItself() throws Exception {
        Path link = dir.resolve("l");
        PosixFiles.symlink("/etc".getBytes(StandardCharsets.UTF_8), link);

        Xattrs.set(link, "trusted.strata", new byte[] {'y'});

        assertThat(Xattrs.get(link, "trusted.strata")).hasValueSatisfying(v -> assertThat(v).containsExactly('y'));
    }
}
