package dev.strata.core.distribution;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Deflates one unit of a layer on its own, so that units can be compressed in parallel and joined: the raw deflate
 * blocks of a unit end with a sync flush (on a byte boundary, not final), and the 32 KiB before the unit are its
 * dictionary, so matches still reach back across the cut (as pigz does). How hard to try follows the unit's byte
 * histogram: random-looking bytes are stored, nearly random ones get Huffman codes only, the rest full deflate at the
 * level. The result depends only on the bytes and the level. Stateless.
 */
final class DeflateUnit {
    /** Deflate's window: how far back a match may reach, so all of the dictionary a unit can use. */
    static final int WINDOW = 32 << 10;
    /**
     * A final, empty block with fixed codes: what ends the stream after the last unit (whose own blocks are not
     * final). Two bytes, whatever the layer.
     */
    static final byte[] END = {0x03, 0x00};
    /**
     * Store a unit when its byte histogram says Huffman coding would save less than this. Deflate at level 1 runs at
     * ~40 MB/s a core whether it saves anything or not, storing runs at memory speed: layers are full of compressed
     * files (archives, jars, media), and the bench image's files are random bytes.
     */
    private static final double MIN_SAVING = 0.02;
    /**
     * Below this estimated saving, Huffman codes alone (no search for matches): such a unit is mostly random bytes
     * with a little structure (tar headers between compressed files), where matching costs twice the time for a few
     * per cent (measured on the bench image: its mixed units shrink by 4 % instead of 9 %, the layer by 1 % instead
     * of 2.5 %).
     */
    private static final double MIN_SAVING_TO_MATCH = 0.10;
    /** Below this a histogram says little and deflating costs little. */
    private static final int MIN_SAMPLE = 4 << 10;

    private DeflateUnit() {}

    /**
     * The raw deflate blocks of {@code data[0, length)}, ending with a sync flush; {@code previous} (or null for the
     * first unit) is the whole unit before, whose last {@link #WINDOW} bytes are the dictionary.
     */
    static byte[] deflate(byte[] data, int length, byte[] previous, int level) {
        double saving = level == 0 ? 0 : estimatedSaving(data, length);
        boolean store = saving < MIN_SAVING;
        boolean match = saving >= MIN_SAVING_TO_MATCH;
        Deflater deflater = new Deflater(store ? Deflater.NO_COMPRESSION : level, true);
        try {
            if (!store && !match) {
                deflater.setStrategy(Deflater.HUFFMAN_ONLY);
            }
            if (match && previous != null) {
                int from = Math.max(0, previous.length - WINDOW);
                deflater.setDictionary(previous, from, previous.length - from);
            }
            deflater.setInput(data, 0, length);
            // stored blocks add 5 bytes per 64 KiB; deflated ones of random-looking data a little more
            byte[] out = new byte[length + (length >> 8) + 64];
            int size = 0;
            // First take in all the input. Not with SYNC_FLUSH at once: a changed strategy makes the first call apply
            // it and nothing else (zlib's deflateParams), and its short answer would look like a finished flush.
            while (!deflater.needsInput()) {
                size += deflater.deflate(out, size, out.length - size, Deflater.NO_FLUSH);
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
            }
            while (true) {
                size += deflater.deflate(out, size, out.length - size, Deflater.SYNC_FLUSH);
                if (size < out.length) {
                    break; // the flush is complete: every input byte is out, up to the byte boundary
                }
                out = Arrays.copyOf(out, out.length * 2);
            }
            return Arrays.copyOf(out, size);
        } finally {
            deflater.end();
        }
    }

    /**
     * The share of the bytes Huffman coding could save, from their order-0 entropy (deflate's matches save more where
     * there are repeats, but compressed and random data has none). 1 for a unit too small to judge.
     */
    static double estimatedSaving(byte[] data, int length) {
        if (length < MIN_SAMPLE) {
            return 1;
        }
        // four tables: consecutive bytes rarely hit the same counter, so the increments do not wait on each other
        int[] a = new int[256];
        int[] b = new int[256];
        int[] c = new int[256];
        int[] d = new int[256];
        int i = 0;
        for (; i + 3 < length; i += 4) {
            a[data[i] & 0xff]++;
            b[data[i + 1] & 0xff]++;
            c[data[i + 2] & 0xff]++;
            d[data[i + 3] & 0xff]++;
        }
        for (; i < length; i++) {
            a[data[i] & 0xff]++;
        }
        double bits = 0;
        double log2 = Math.log(2);
        for (int v = 0; v < 256; v++) {
            int count = a[v] + b[v] + c[v] + d[v];
            if (count > 0) {
                bits += count * Math.log((double) length / count) / log2;
            }
        }
        return 1 - bits / (8.0 * length);
    }
}
