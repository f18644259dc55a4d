package dev.strata.core.volume;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes as Docker's flags read them ({@code go-units.RAMInBytes}): "64m", "1.5g", "512k", "100" — binary units. */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private Sizes() {}

    /** @throws IllegalArgumentException when the text is not a size */
    static long ramInBytes(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid size: '" + text + "'", e);
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 50;
        };
        return number.multiply(BigDecimal.valueOf(1L << shift)).longValue();
    }

    /** A byte count as the tmpfs {@code size=} option Docker writes: the largest of g, m, k that divides it. */
    static String tmpfsSize(long bytes) {
        for (int shift : new int[] {30, 20, 10}) {
            long unit = 1L << shift;
            if (bytes % unit == 0) {
                String suffix = shift == 30 ? "g" : shift == 20 ? "m" : "k";
                return bytes / unit + suffix;
            }
        }
        return Long.toString(bytes);
    }
}
