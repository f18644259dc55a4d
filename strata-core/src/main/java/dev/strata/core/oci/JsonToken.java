package dev.strata.core.oci;

/**
 * The tokens {@link JsonPullParser} reports, named as Jackson's so that a codec reads the same on either parser.
 * Structural tokens and literals know their text, as Jackson's {@code getText} gives it.
 */
public enum JsonToken {
    START_OBJECT("{"),
    END_OBJECT("}"),
    START_ARRAY("["),
    END_ARRAY("]"),
    FIELD_NAME(null),
    VALUE_STRING(null),
    VALUE_NUMBER_INT(null),
    VALUE_NUMBER_FLOAT(null),
    VALUE_TRUE("true"),
    VALUE_FALSE("false"),
    VALUE_NULL("null");

    private final String text;

    JsonToken(String text) {
        this.text = text;
    }

    /** The token's fixed text; null for names, strings and numbers, whose text is the document's. */
    String fixedText() {
        return text;
    }

    /** Whether this is a value that is neither an object nor an array (a string, number, boolean or null). */
    public boolean isScalarValue() {
        return ordinal() >= VALUE_STRING.ordinal();
    }
}
