package dev.strata.cli.format;

/** The docker CLI's helpers for fitting identifiers and text into table cells. */
public final class DisplayText {

    private static final int SHORT_ID_LENGTH = 12;

    private DisplayText() {
    }

    /**
     * Docker's TruncateID: drops an algorithm prefix such as {@code sha256:} and keeps 12
     * characters, as the IMAGE ID column shows.
     */
    public static String truncateId(String id) {
        int colon = id.indexOf(':');
        String hex = colon >= 0 ? id.substring(colon + 1) : id;
        return hex.length() > SHORT_ID_LENGTH ? hex.substring(0, SHORT_ID_LENGTH) : hex;
    }

    /**
     * Docker's Ellipsis: cuts text to {@code maxWidth} terminal columns, ending in "…"; wide
     * (CJK, emoji) characters count two columns. Used for the CREATED BY column of history.
     */
    public static String ellipsis(String s, int maxWidth) {
        if (maxWidth <= 0 || s.isEmpty()) {
            return "";
        }
        int[] runes = s.codePoints().toArray();
        if (maxWidth == 1) {
            return new String(runes, 0, 1);
        }
        int[] cumulative = new int[runes.length];
        int width = 0;
        for (int i = 0; i < runes.length; i++) {
            width += DisplayWidth.isWide(runes[i]) ? 2 : 1;
            cumulative[i] = width;
        }
        if (width <= maxWidth) {
            return s;
        }
        for (int i = 0; i + 1 < runes.length; i++) {
            if (cumulative[i] <= maxWidth - 1 && cumulative[i + 1] > maxWidth - 1) {
                return new String(runes, 0, i + 1) + "…";
            }
        }
        return s;
    }

    /** Terminal columns of a string, as the table writer counts them. */
    public static int width(String s) {
        return DisplayWidth.of(s);
    }
}
