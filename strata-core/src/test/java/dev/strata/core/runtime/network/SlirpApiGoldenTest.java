package dev.strata.core.runtime.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.core.oci.Json;
import dev.strata.core.runtime.RuntimeGoldens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * slirp4netns API requests are written, and its replies read, as the data-binding code did (recorded in
 * {@code golden/runtime/slirp-*.outcomes}). One line was changed by hand: an empty reply, still a success, has the
 * value null where the tree gave a missing node (recorded as {@code <missing>}); its callers see no entries either way.
 */
class SlirpApiGoldenTest {
    static Map<String, Object> requests() {
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("list", Map.of("execute", "list_hostfwd"));
        requests.put("add-tcp", Map.of("execute", "add_hostfwd", "arguments", Map.of("proto", "tcp",
                "host_addr", "127.0.0.1", "host_port", 8080, "guest_port", 80)));
        requests.put("add-udp-v6", Map.of("execute", "add_hostfwd", "arguments", Map.of("proto", "udp",
                "host_addr", "::1", "host_port", 65535, "guest_port", 1)));
        requests.put("remove", Map.of("execute", "remove_hostfwd", "arguments", Map.of("id", 3)));
        return requests;
    }

    static Map<String, String> replies() {
        Map<String, String> replies = new LinkedHashMap<>();
        replies.put("added", "{\"return\": {\"id\": 1}}");
        replies.put("empty-return", "{\"return\": {}}");
        replies.put("list", "{\"entries\": [{\"id\": 1, \"proto\": \"tcp\", \"host_addr\": \"127.0.0.1\","
                + " \"host_port\": 8080, \"guest_addr\": \"10.0.2.100\", \"guest_port\": 80},"
                + " {\"id\": 2, \"proto\": \"udp\", \"host_addr\": \"::1\", \"host_port\": 53,"
                + " \"guest_addr\": \"10.0.2.100\", \"guest_port\": 5353}]}");
        replies.put("list-empty", "{\"entries\": []}");
        replies.put("list-in-return", "{\"return\": {\"entries\": [{\"id\": 1}]}}");
        replies.put("error", "{\"error\": {\"desc\": \"bad request: add_hostfwd: slirp_add_hostfwd failed\"}}");
        replies.put("error-empty", "{\"error\": {}}");
        replies.put("error-string", "{\"error\": \"text\"}");
        replies.put("error-null", "{\"error\": null}");
        replies.put("error-desc-number", "{\"error\": {\"desc\": 5}}");
        replies.put("error-desc-null", "{\"error\": {\"desc\": null}}");
        replies.put("error-desc-object", "{\"error\": {\"desc\": {\"x\": 1}}}");
        replies.put("error-and-return", "{\"return\": {}, \"error\": {\"desc\": \"both\"}}");
        replies.put("return-null", "{\"return\": null}");
        replies.put("return-number", "{\"return\": 7}");
        replies.put("return-array", "{\"return\": [1, \"a\", null, true, 1.5, {\"b\": []}]}");
        replies.put("numbers", "{\"return\": {\"big\": 123456789012345678901234567890, \"long\": 9999999999,"
                + " \"neg\": -3, \"exp\": 1e3, \"dec\": 0.1}}");
        replies.put("escapes", "{\"return\": {\"s\": \"\\u00e9\\n\\\"\\\\\\/\"}}");
        replies.put("bare-object", "{}");
        replies.put("trailing", "{\"return\": {}} x");
        replies.put("empty", "");
        replies.put("null", "null");
        replies.put("array", "[{\"error\": {\"desc\": \"x\"}}]");
        replies.put("string", "\"ok\"");
        replies.put("truncated", "{\"return\": {");
        replies.put("not-json", "bad request");
        return replies;
    }

    @Test
    void requestsAreWrittenAsRecorded() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        requests().forEach((name, request) -> outcomes.put(name, RuntimeGoldens.outcome(() ->
                new String(SlirpApi.request(request), StandardCharsets.UTF_8))));
        RuntimeGoldens.check("slirp-request.outcomes", outcomes);
    }

    @Test
    void repliesReadAsRecorded() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        replies().forEach((name, json) -> outcomes.put(name, RuntimeGoldens.outcome(() ->
                describe(SlirpApi.reply(json.getBytes(StandardCharsets.UTF_8))))));
        RuntimeGoldens.check("slirp-reply.outcomes", outcomes);
    }

    /** A reply with its value as sorted JSON, whatever Java types hold it. */
    private static String describe(SlirpApi.Reply reply) {
        return switch (reply) {
            case SlirpApi.Reply.Failed failed -> "Failed(" + failed.description() + ")";
            case SlirpApi.Reply.Ok ok -> "Ok(" + canonical(ok.value()) + ")";
        };
    }

    private static String canonical(Object value) {
        return sorted(Json.mapper().valueToTree(value)).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            ObjectNode copy = Json.mapper().createObjectNode();
            names.forEach(n -> copy.set(n, sorted(node.get(n))));
            return copy;
        }
        if (node.isArray()) {
            var copy = Json.mapper().createArrayNode();
            node.forEach(e -> copy.add(sorted(e)));
            return copy;
        }
        return node;
    }
}
