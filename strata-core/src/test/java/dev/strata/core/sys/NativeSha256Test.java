package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NativeSha256Test {
    @Test
    void libcryptoIsLoadedHere() {
        // the launcher and run-tests install libssl3; without it digests would silently be many times slower
        assertThat(NativeSha256.isNative()).isTrue();
        assertThat(NativeSha256.create()).isInstanceOf(NativeSha256.class);
    }

    @Test
    void agreesWithTheJdkOnEverySizeAndEveryWayOfFeedingIt() throws Exception {
        Random random = new Random(42);
        MessageDigest digest = NativeSha256.create();
        for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 511, 512, 4096, 65535, 65536, 65537, 300_000, 1 << 20}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(data);

            assertThat(digest.digest(data)).as("whole, size %d", size).isEqualTo(expected);

            int cut = size / 3;
            if (cut > 0) {
                digest.update(data[0]);
                digest.update(data, 1, cut - 1);
            }
            ByteBuffer direct = ByteBuffer.allocateDirect(size - cut);
            direct.put(data, cut, size - cut).flip();
            digest.update(direct);
            assertThat(direct.hasRemaining()).isFalse();
            assertThat(digest.digest()).as("byte, array and direct buffer, size %d", size).isEqualTo(expected);

            digest.update(ByteBuffer.wrap(data));
            assertThat(digest.digest()).as("heap buffer, size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void resetForgetsWhatWasFed() {
        MessageDigest digest = NativeSha256.create();
        digest.update(new byte[] {1, 2, 3});
        digest.reset();
        assertThat(digest.digest()).isEqualTo(NativeSha256.create().digest(new byte[0]));
        assertThat(java.util.HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
