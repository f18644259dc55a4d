package dev.strata.core;

/**
 * Go's strconv quoting: {@code Quote}, {@code QuoteToASCII}, {@code QuoteRune} and {@code %#U}, as Docker shows
 * names in its messages, its history text and its Go templates. Stateless.
 */
public final class GoQuote {

    private static final String HEX = "0123456789abcdef";

    private GoQuote() {
    }

    /** strconv.Quote: a double-quoted Go string literal, printable runes kept as they are. */
    public static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** strconv.QuoteToASCII: like {@link #quote} but every non-ASCII rune escaped. */
    public static String quoteAscii(String s) {
        return quoteWith(s, '"', true);
    }

    /** strconv.QuoteRune, or QuoteRuneToASCII: a single-quoted Go rune literal. */
    public static String quoteRune(int r, boolean asciiOnly) {
        StringBuilder b = new StringBuilder("'");
        appendEscaped(b, isValidRune(r) ? r : 0xFFFD, '\'', asciiOnly);
        return b.append('\'').toString();
    }

    /** strconv.CanBackquote: whether s can be written as a raw `string` unchanged. */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '`' || r == 0xFEFF || (r >= 0xD800 && r <= 0xDFFF)
                    || (r < ' ' && r != '\t') || r == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The {@code %#U} form, such as {@code U+007D '}'}, used in lexer errors. */
    public static String unicodeForm(int r) {
        String code = String.format("U+%04X", r);
        return isPrint(r) ? code + " '" + new String(Character.toChars(r)) + "'" : code;
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static String quoteWith(String s, char quote, boolean asciiOnly) {
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscaped(b, isValidRune(r) ? r : 0xFFFD, quote, asciiOnly);
        }
        return b.append(quote).toString();
    }

    private static void appendEscaped(StringBuilder b, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            b.append('\\').appendCodePoint(r);
            return;
        }
        if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
            b.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 0x0b -> b.append("\\v");
            default -> appendHexEscape(b, r);
        }
    }

    private static void appendHexEscape(StringBuilder b, int r) {
        if (r < ' ' || r == 0x7f) {
            b.append("\\x").append(HEX.charAt(r >> 4)).append(HEX.charAt(r & 0xF));
        } else if (r < 0x10000) {
            b.append("\\u");
            appendHex(b, r, 4);
        } else {
            b.append("\\U");
            appendHex(b, r, 8);
        }
    }

    private static void appendHex(StringBuilder b, int r, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX.charAt((r >> shift) & 0xF));
        }
    }

    private static boolean isValidRune(int r) {
        return r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
    }
}
