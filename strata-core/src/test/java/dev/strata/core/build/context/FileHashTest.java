package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileHashTest {
    /** The definition: the hexadecimal checksums as strings, sorted, joined with commas, hashed. */
    private static String byStrings(byte[][] hashes) {
        List<String> hex = new ArrayList<>();
        for (byte[] hash : hashes) {
            hex.add(FileHash.hex(hash));
        }
        hex.sort(null);
        return FileHash.hex(FileHash.sha256().digest(String.join(",", hex).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSortedListChecksumIsTheChecksumOfTheSortedJoinedHexadecimalStrings() {
        Random random = new Random(4);
        for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
            byte[][] hashes = new byte[n][];
            for (int i = 0; i < n; i++) {
                hashes[i] = new byte[32];
                random.nextBytes(hashes[i]);
                if (i % 7 == 3) {
                    hashes[i] = hashes[i - 1].clone(); // equal files
                } else if (i % 5 == 4) {
                    System.arraycopy(hashes[i - 1], 0, hashes[i], 0, 6 + random.nextInt(26)); // a shared prefix
                }
                if (i % 11 == 5) {
                    hashes[i][0] = (byte) 0xff; // bytes above 0x7f sort after the others, as their hex does
                }
            }
            byte[][] before = Arrays.stream(hashes).map(byte[]::clone).toArray(byte[][]::new);

            assertThat(FileHash.sortedListChecksum(hashes)).as("%d hashes", n).isEqualTo(byStrings(hashes));
            assertThat(hashes).as("the argument is left as it was").isDeepEqualTo(before);
        }
    }
}
