package dev.strata.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentStoreTest {
    @TempDir
    Path root;

    private FileContentStore store() {
        return new FileContentStore(root.resolve("blobs"), new Scratch(root.resolve("ingest")));
    }

    @Test
    void putThenReadBack() {
        FileContentStore store = store();
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        Digest digest = store.put(bytes);
        assertThat(digest).isEqualTo(Digest.sha256(bytes));
        assertThat(store.read(digest, 100)).isEqualTo(bytes);
        assertThat(store.size(digest)).hasValue(5);
        assertThat(root.resolve("blobs/sha256/" + digest.encoded())).exists();
        assertThat(store.list()).containsExactly(digest);
    }

    @Test
    void writingAnExistingBlobSucceeds() {
        FileContentStore store = store();
        Digest first = store.put(new byte[] {1, 2, 3});
        Digest second = store.put(new byte[] {1, 2, 3});
        assertThat(second).isEqualTo(first);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void wrongDigestIsRefusedAndLeavesNothing() {
        FileContentStore store = store();
        Digest other = Digest.sha256(new byte[] {9});
        try (BlobWriter writer = store.writer()) {
            writer.write(new byte[] {1});
            assertThatThrownBy(() -> writer.commit(other, -1)).isInstanceOf(DigestMismatchException.class)
                    .hasMessageContaining("expected " + other);
        }
        assertThat(store.list()).isEmpty();
        assertThat(store.exists(other)).isFalse();
    }

    @Test
    void wrongSizeIsRefused() {
        FileContentStore store = store();
        try (BlobWriter writer = store.writer()) {
            writer.write(new byte[] {1, 2});
            assertThatThrownBy(() -> writer.commit(null, 3)).hasMessageContaining("expected 3 bytes, got 2");
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void stagedBlobIsInvisibleUntilPublished() {
        FileContentStore store = store();
        StagedBlob staged;
        try (BlobWriter writer = store.writer()) {
            writer.write(new byte[] {7});
            staged = writer.stage(null, 1);
        }
        assertThat(store.exists(staged.digest())).isFalse();
        assertThat(staged.file()).exists();
        staged.publish();
        assertThat(store.exists(staged.digest())).isTrue();
    }

    @Test
    void abandonedWriterLeavesNoFile() throws Exception {
        FileContentStore store = store();
        try (BlobWriter writer = store.writer()) {
            writer.write(new byte[1000]);
        }
        try (var files = Files.walk(root.resolve("ingest"))) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock")))
                    .isEmpty();
        }
    }

    @Test
    void teeingKeepsSkippedBytesToo() throws Exception {
        FileContentStore store = store();
        byte[] bytes = "0123456789".getBytes(StandardCharsets.UTF_8);
        try (BlobWriter writer = store.writer()) {
            try (var in = writer.teeing(new java.io.ByteArrayInputStream(bytes))) {
                assertThat(in.read()).isEqualTo('0');
                assertThat(in.skip(4)).isEqualTo(4);
                assertThat(in.readAllBytes()).isEqualTo("56789".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(writer.commit(Digest.sha256(bytes), bytes.length)).isEqualTo(Digest.sha256(bytes));
        }
    }

    @Test
    void aBlobDigestedByItsReaderIsRecordedUnderTheReadersDigestAndNeedsOne() throws Exception {
        FileContentStore store = store();
        byte[] bytes = "layer bytes".getBytes(StandardCharsets.UTF_8);
        try (BlobWriter writer = store.writer()) {
            java.security.MessageDigest reader = Digest.newSha256();
            try (var in = writer.teeingDigestedByReader(new java.io.ByteArrayInputStream(bytes))) {
                reader.update(in.readAllBytes());
            }
            Digest digest = writer.commit(Digest.fromSha256(reader.digest()), bytes.length);
            assertThat(digest).isEqualTo(Digest.sha256(bytes));
            assertThat(store.read(digest, 100)).isEqualTo(bytes);
        }
        try (BlobWriter writer = store.writer()) {
            try (var in = writer.teeingDigestedByReader(new java.io.ByteArrayInputStream(bytes))) {
                in.readAllBytes();
            }
            assertThatThrownBy(() -> writer.stage(null, -1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void missingBlobIsNotFound() {
        Digest absent = Digest.sha256(new byte[] {42});
        assertThatThrownBy(() -> store().open(absent)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store().read(absent, 10)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void orphanedIngestOfDeadProcessIsRemoved() throws Exception {
        Path dead = root.resolve("ingest/12345-dead");
        Files.createDirectories(dead);
        Files.writeString(dead.resolve(".lock"), "");
        Files.writeString(dead.resolve("blob-1"), "half written");
        Scratch live = new Scratch(root.resolve("ingest"));
        Path mine = live.newDirectory("x");
        live.removeOrphans();
        assertThat(dead).doesNotExist();
        assertThat(mine).exists();
    }
}
