package dev.strata.core.build.dockerfile;

import dev.strata.core.oci.JsonPullParser;
import dev.strata.core.oci.JsonToken;
import dev.strata.core.oci.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exec (JSON) form of instruction arguments, recognised as Docker does: text starting with {@code [} that is a
 * valid JSON array of strings. Text that is not valid JSON is shell form; a valid array holding anything but
 * strings is an error. Read with {@link JsonPullParser}: data binding would cost a build's start some 35 ms, and
 * Jackson's parser some 18 ms more.
 */
final class JsonArgs {
    private JsonArgs() {}

    /** The array's strings, or null when {@code rest} is not a JSON array (and so is shell form). */
    static List<String> parse(String rest) {
        String text = GoText.trimLeftSpace(rest);
        if (!text.startsWith("[")) {
            return null;
        }
        List<String> items = new ArrayList<>();
        boolean nonString = false;
        try {
            JsonPullParser p = new JsonPullParser(text.getBytes(StandardCharsets.UTF_8));
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    items.add(p.getText());
                } else {
                    nonString = true;
                    p.skipChildren();
                }
            }
            p.nextToken(); // anything but whitespace after the array is refused: then it is not JSON, so shell form
        } catch (MalformedJsonException e) {
            return null;
        }
        if (nonString) {
            throw DockerfileException.problem("when using JSON array syntax, arrays must be comprised of strings only");
        }
        return items;
    }
}
