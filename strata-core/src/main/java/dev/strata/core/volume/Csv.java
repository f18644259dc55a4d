package dev.strata.core.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One record of comma-separated values as Go's {@code encoding/csv} reads it (what the docker CLI parses
 * {@code --mount} with): a field may be quoted to hold commas, with {@code ""} for a quote inside. Stateless.
 */
final class Csv {
    private Csv() {}

    static List<String> record(String line, Supplier<RuntimeException> malformed) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw malformed.get(); // the quote is never closed
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw malformed.get(); // text after the closing quote
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw malformed.get();
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
