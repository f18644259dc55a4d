package dev.strata.core.build.dockerfile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exec (JSON) form of instruction arguments, recognised as Docker does: text starting with {@code [} that is a
 * valid JSON array of strings. Text that is not valid JSON is shell form; a valid array holding anything but
 * strings is an error.
 */
final class JsonArgs {
    private static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonArgs() {}

    /** The array's strings, or null when {@code rest} is not a JSON array (and so is shell form). */
    static List<String> parse(String rest) {
        String text = GoText.trimLeftSpace(rest);
        if (!text.startsWith("[")) {
            return null;
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw DockerfileException.problem("when using JSON array syntax, arrays must be comprised of strings only");
            }
            items.add(item.textValue());
        }
        return items;
    }
}
