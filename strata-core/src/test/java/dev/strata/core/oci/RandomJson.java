package dev.strata.core.oci;

import java.util.Random;

/**
 * Random JSON texts for comparing {@link JsonPullParser} with Jackson: written by hand rather than by a generator,
 * so that they hold what generators never write (any whitespace, every escape, lone surrogates in escapes, numbers
 * of every shape: {@code -0}, {@code 1E+2}, 19 digits and more).
 */
final class RandomJson {
    private static final String[] WHITESPACE = {"", "", " ", "\n", "\t", "\r\n  "};
    private static final String[] PIECES = {"a", "Z", "0", " ", ":", ",", "{", "]", "é", "日本", "😀", "\\\"", "\\\\",
        "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u0000", "\\uD83D\\uDE00", "\\ud800", "\\uDFFF", "\u007f"};

    private final Random random;

    RandomJson(long seed) {
        this.random = new Random(seed);
    }

    String document() {
        return space() + value(0) + space();
    }

    private String value(int depth) {
        int kind = depth > 4 ? 2 + random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> object(depth);
            case 1 -> array(depth);
            case 2 -> string();
            case 3 -> number();
            case 4 -> random.nextBoolean() ? "true" : "false";
            default -> "null";
        };
    }

    private String object(int depth) {
        StringBuilder json = new StringBuilder("{").append(space());
        for (int i = random.nextInt(5); i > 0; i--) {
            // names are unique: data binding's untyped maps are compared too, and they keep one value per name
            json.append(string().replaceFirst("\"$", "#" + i + "\"")).append(space()).append(':').append(space())
                    .append(value(depth + 1)).append(space()).append(i > 1 ? "," + space() : "");
        }
        return json.append('}').toString();
    }

    private String array(int depth) {
        StringBuilder json = new StringBuilder("[").append(space());
        for (int i = random.nextInt(5); i > 0; i--) {
            json.append(value(depth + 1)).append(space()).append(i > 1 ? "," + space() : "");
        }
        return json.append(']').toString();
    }

    private String string() {
        StringBuilder json = new StringBuilder("\"");
        for (int i = random.nextInt(8); i > 0; i--) {
            json.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return json.append('"').toString();
    }

    private String number() {
        StringBuilder json = new StringBuilder(random.nextBoolean() ? "-" : "");
        int digits = random.nextInt(4) == 0 ? 1 + random.nextInt(30) : 1 + random.nextInt(11);
        if (random.nextInt(6) == 0) {
            json.append('0');
        } else {
            json.append(1 + random.nextInt(9));
            for (int i = 1; i < digits; i++) {
                json.append(random.nextInt(10));
            }
        }
        if (random.nextInt(4) == 0) {
            json.append('.').append(random.nextInt(1000));
        }
        if (random.nextInt(5) == 0) {
            json.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                    .append(random.nextInt(400));
        }
        return json.toString();
    }

    private String space() {
        return WHITESPACE[random.nextInt(WHITESPACE.length)];
    }
}
