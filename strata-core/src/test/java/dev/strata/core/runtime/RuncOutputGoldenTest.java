package dev.strata.core.runtime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * runc's JSON reads as the data-binding readers read it (recorded in {@code golden/runtime/*.outcomes}): well-formed
 * output, and the odd or broken output that must fail, or not, as before.
 */
class RuncOutputGoldenTest {
    static final String STATE = "{\"ociVersion\":\"1.0.2\",\"id\":\"c1\",\"pid\":4242,\"status\":\"running\","
            + "\"bundle\":\"/var/lib/strata/containers/c1/bundle\",\"rootfs\":\"/var/lib/strata/containers/c1/merged\","
            + "\"created\":\"2024-05-06T07:08:09.123456789Z\",\"owner\":\"\"}";

    static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("running", STATE);
        states.put("pretty", "{\n  \"ociVersion\": \"1.0.2\",\n  \"id\": \"c1\",\n  \"pid\": 0,\n  \"status\": \"stopped\","
                + "\n  \"bundle\": \"/b\",\n  \"rootfs\": \"/r\",\n  \"created\": \"2024-05-06T07:08:09Z\",\n"
                + "  \"annotations\": {\"a\": \"b\", \"n\": {\"x\": [1, 2, {\"y\": null}]}},\n  \"owner\": \"\"\n}\n");
        states.put("created", STATE.replace("running", "created"));
        states.put("paused-uppercase", STATE.replace("running", "PAUSED"));
        states.put("creating", STATE.replace("running", "creating"));
        states.put("pausing", STATE.replace("running", "pausing"));
        states.put("other-id", STATE.replace("\"c1\"", "\"other\""));
        states.put("no-id", "{\"pid\":1,\"status\":\"running\",\"bundle\":\"/b\",\"created\":\"2024-05-06T07:08:09Z\"}");
        states.put("null-id", STATE.replace("\"id\":\"c1\"", "\"id\":null"));
        states.put("numeric-id", STATE.replace("\"id\":\"c1\"", "\"id\":12"));
        states.put("pid-string", STATE.replace("4242", "\"4242\""));
        states.put("pid-bad-string", STATE.replace("4242", "\"x42\""));
        states.put("pid-decimal", STATE.replace("4242", "42.9"));
        states.put("pid-negative", STATE.replace("4242", "-1"));
        states.put("pid-huge", STATE.replace("4242", "99999999999"));
        states.put("pid-null", STATE.replace("4242", "null"));
        states.put("pid-bool", STATE.replace("4242", "true"));
        states.put("no-pid", STATE.replace("\"pid\":4242,", ""));
        states.put("unknown-status", STATE.replace("running", "zombie"));
        states.put("no-status", STATE.replace("\"status\":\"running\",", ""));
        states.put("status-number", STATE.replace("\"running\"", "3"));
        states.put("no-bundle", STATE.replace("\"bundle\":\"/var/lib/strata/containers/c1/bundle\",", ""));
        states.put("bundle-object", STATE.replace("\"/var/lib/strata/containers/c1/bundle\"", "{\"p\":1}"));
        states.put("bundle-escaped", STATE.replace("/var/lib/strata/containers/c1/bundle", "/b\\u00fcndle\\/x\\\"q"));
        states.put("created-offset", STATE.replace("2024-05-06T07:08:09.123456789Z", "2024-05-06T09:08:09+02:00"));
        states.put("created-bad", STATE.replace("2024-05-06T07:08:09.123456789Z", "yesterday"));
        states.put("no-created", STATE.replace(",\"created\":\"2024-05-06T07:08:09.123456789Z\"", ""));
        states.put("duplicate-status", STATE.replace("\"status\":\"running\"", "\"status\":\"zombie\",\"status\":\"running\""));
        states.put("trailing-garbage", STATE + " ]x");
        states.put("two-documents", STATE + STATE.replace("running", "stopped"));
        states.put("empty", "");
        states.put("blank", "  \n");
        states.put("null", "null");
        states.put("array", "[" + STATE + "]");
        states.put("string", "\"running\"");
        states.put("truncated", STATE.substring(0, 40));
        states.put("not-json", "container c1 does not exist");
        states.put("unquoted-name", "{id: \"c1\"}");
        states.put("single-quotes", STATE.replace('"', '\''));
        states.put("comment", "/* x */" + STATE);
        states.put("bad-escape", STATE.replace("c1/bundle", "c1\\qbundle"));
        states.put("control-character", STATE.replace("c1/bundle", "c1\u0001bundle"));
        states.put("leading-zero-pid", STATE.replace("4242", "04242"));
        states.put("nan-pid", STATE.replace("4242", "NaN"));
        return states;
    }

    static Map<String, String> processLists() {
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("some", "[4242,4250,4300]\n");
        lists.put("one", "[1]");
        lists.put("empty-array", "[]");
        lists.put("null", "null\n");
        lists.put("strings", "[\"12\",\"x\",\" 7\"]");
        lists.put("decimals", "[1.9,-2.5,1e3]");
        lists.put("huge", "[99999999999,2147483648]");
        lists.put("nulls-and-bools", "[null,true,false]");
        lists.put("nested", "[[1],{\"a\":2}]");
        lists.put("object", "{\"a\":1,\"b\":\"2\"}");
        lists.put("number", "5");
        lists.put("string", "\"5\"");
        lists.put("empty", "");
        lists.put("trailing", "[1,2] x");
        lists.put("truncated", "[1,2");
        lists.put("not-json", "runc: container not running");
        lists.put("trailing-comma", "[1,2,]");
        return lists;
    }

    static Map<String, String> processFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("terminal-true", "{\"terminal\":true,\"user\":{\"uid\":0},\"args\":[\"sh\"]}");
        files.put("terminal-false", "{\"terminal\":false}");
        files.put("terminal-last", "{\"args\":[\"sh\",{\"terminal\":false}],\"env\":[],\"terminal\":true}");
        files.put("nested-only", "{\"user\":{\"terminal\":true},\"x\":[{\"terminal\":true}]}");
        files.put("no-terminal", "{\"args\":[\"sh\"]}");
        files.put("string-true", "{\"terminal\":\"true\"}");
        files.put("string-true-spaced", "{\"terminal\":\" true \"}");
        files.put("string-TRUE", "{\"terminal\":\"TRUE\"}");
        files.put("string-yes", "{\"terminal\":\"yes\"}");
        files.put("one", "{\"terminal\":1}");
        files.put("zero", "{\"terminal\":0}");
        files.put("decimal", "{\"terminal\":0.5}");
        files.put("null", "{\"terminal\":null}");
        files.put("object", "{\"terminal\":{}}");
        files.put("duplicate", "{\"terminal\":true,\"terminal\":false}");
        files.put("array", "[{\"terminal\":true}]");
        files.put("empty", "");
        files.put("json-null", "null");
        files.put("truncated", "{\"terminal\":tr");
        files.put("not-json", "terminal=true");
        files.put("trailing", "{\"terminal\":true} x");
        return files;
    }

    @Test
    void stateReadsAsRecorded() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        states().forEach((name, json) -> outcomes.put(name, RuntimeGoldens.outcome(() -> RuncOutput.state("c1", json))));
        RuntimeGoldens.check("runc-state.outcomes", outcomes);
    }

    @Test
    void processListReadsAsRecorded() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        processLists().forEach((name, json) -> outcomes.put(name, RuntimeGoldens.outcome(() -> RuncOutput.pids(json))));
        RuntimeGoldens.check("runc-ps.outcomes", outcomes);
    }

    @Test
    void processFileTerminalReadsAsRecorded() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        processFiles().forEach((name, json) -> outcomes.put(name, RuntimeGoldens.outcome(() ->
                RuncOutput.wantsTerminal(json.getBytes(StandardCharsets.UTF_8), "process /tmp/p.json"))));
        RuntimeGoldens.check("process-terminal.outcomes", outcomes);
    }
}
