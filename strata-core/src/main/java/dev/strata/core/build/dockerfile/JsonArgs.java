package dev.strata.core.build.dockerfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exec (JSON) form of instruction arguments, recognised as Docker does: text starting with {@code [} that is a
 * valid JSON array of strings. Text that is not valid JSON is shell form; a valid array holding anything but
 * strings is an error. Read with Jackson's streaming parser: data binding would cost a build's start some 35 ms.
 */
final class JsonArgs {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonArgs() {}

    /** The array's strings, or null when {@code rest} is not a JSON array (and so is shell form). */
    static List<String> parse(String rest) {
        String text = GoText.trimLeftSpace(rest);
        if (!text.startsWith("[")) {
            return null;
        }
        List<String> items = new ArrayList<>();
        boolean nonString = false;
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    return null;
                }
                if (t == JsonToken.VALUE_STRING) {
                    items.add(p.getText());
                } else {
                    nonString = true;
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return null; // trailing tokens: not a JSON array, so shell form
            }
        } catch (IOException e) {
            return null;
        }
        if (nonString) {
            throw DockerfileException.problem("when using JSON array syntax, arrays must be comprised of strings only");
        }
        return items;
    }
}
