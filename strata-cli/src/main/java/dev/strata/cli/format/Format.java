package dev.strata.cli.format;

/**
 * A {@code --format} value read the docker CLI's way: {@code table ...} renders an aligned table
 * with a header, {@code json} means one {@code {{json .}}} line per item, anything else is a
 * template printed once per item.
 *
 * @param text the value the user gave
 */
public record Format(String text) {

    /** The prefix that makes a format a table. */
    public static final String TABLE = "table";
    /** The format that prints each item as JSON. */
    public static final String JSON = "json";

    public Format {
        if (text == null) {
            throw new IllegalArgumentException("format text must not be null");
        }
    }

    /** Whether the format starts with "table" (Docker checks the prefix only). */
    public boolean isTable() {
        return text.startsWith(TABLE);
    }

    /** Whether the format is exactly "json". */
    public boolean isJson() {
        return text.equals(JSON);
    }

    /**
     * The template Docker executes: "table" removed, "json" replaced by {@code {{json .}}}, spaces
     * trimmed from both ends, and the two-character sequences backslash-t and backslash-n typed on
     * a command line turned into a tab and a newline (docker/cli formatter preFormat).
     */
    public String templateText() {
        String t = text;
        if (isTable()) {
            t = t.substring(TABLE.length());
        } else if (isJson()) {
            t = "{{json .}}";
        }
        return replaceEscapes(trimSpaces(t));
    }

    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String replaceEscapes(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'n')) {
                b.append(s.charAt(i + 1) == 't' ? '\t' : '\n');
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
