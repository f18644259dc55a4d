package dev.strata.cli.format;

import static dev.strata.cli.format.TemplateFunction.Param.ANY;
import static dev.strata.cli.format.TemplateFunction.Param.INT;
import static dev.strata.cli.format.TemplateFunction.Param.STRING;
import static dev.strata.cli.format.TemplateFunction.Param.STRING_LIST;

import dev.strata.cli.format.TemplateFunction.CallException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions the docker CLI adds to every template (docker/cli templates.basicFunctions), and
 * the identity versions it uses to render table headers (templates.HeaderFunctions).
 */
final class DockerFunctions {

    private static final Map<String, TemplateFunction> DATA = buildData();
    private static final Map<String, TemplateFunction> HEADER = buildHeader();

    private DockerFunctions() {
    }

    /** Go's builtins plus Docker's json, split, join, title, lower, upper, pad and truncate. */
    static Map<String, TemplateFunction> forData() {
        return DATA;
    }

    /**
     * The table-header variant: json, split, join, title, lower, upper and truncate return their
     * first argument, so {@code {{upper .Repository}}} keeps the header "REPOSITORY". pad stays.
     */
    static Map<String, TemplateFunction> forHeader() {
        return HEADER;
    }

    private static Map<String, TemplateFunction> buildData() {
        Map<String, TemplateFunction> f = new HashMap<>(Builtins.all());
        f.put("json", TemplateFunction.of(a -> json(a.getFirst()), ANY));
        f.put("split", TemplateFunction.of(
                a -> GoStrings.split((String) a.get(0), (String) a.get(1)), STRING, STRING));
        f.put("join", TemplateFunction.of(
                a -> String.join((String) a.get(1), strings(a.get(0))), STRING_LIST, STRING));
        f.put("title", TemplateFunction.of(a -> GoStrings.title((String) a.getFirst()), STRING));
        f.put("lower", TemplateFunction.of(a -> GoStrings.toLower((String) a.getFirst()), STRING));
        f.put("upper", TemplateFunction.of(a -> GoStrings.toUpper((String) a.getFirst()), STRING));
        f.put("pad", TemplateFunction.of(
                a -> pad((String) a.get(0), (Long) a.get(1), (Long) a.get(2)), STRING, INT, INT));
        f.put("truncate", TemplateFunction.of(
                a -> truncate((String) a.get(0), (Long) a.get(1)), STRING, INT));
        return Map.copyOf(f);
    }

    private static Map<String, TemplateFunction> buildHeader() {
        Map<String, TemplateFunction> f = new HashMap<>(buildData());
        TemplateFunction.Body identity = a -> a.getFirst();
        f.put("json", TemplateFunction.of(identity, STRING));
        f.put("split", TemplateFunction.of(identity, STRING, STRING));
        f.put("join", TemplateFunction.of(identity, STRING, STRING));
        f.put("title", TemplateFunction.of(identity, STRING));
        f.put("lower", TemplateFunction.of(identity, STRING));
        f.put("upper", TemplateFunction.of(identity, STRING));
        f.put("truncate", TemplateFunction.of(identity, STRING, INT));
        return Map.copyOf(f);
    }

    /** Docker encodes with SetEscapeHTML(false) and ignores encoding errors (printing ""). */
    private static String json(Object v) {
        try {
            return GoJson.encode(v, false);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    private static String pad(String s, long prefix, long suffix) {
        if (s.isEmpty()) {
            return s;
        }
        if (prefix < 0 || suffix < 0) {
            throw new CallException("strings: negative Repeat count");
        }
        return " ".repeat((int) prefix) + s + " ".repeat((int) suffix);
    }

    /** Cuts to a number of UTF-8 bytes, as Go's {@code source[:length]}. */
    private static String truncate(String s, long length) {
        int bytes = GoStrings.byteLength(s);
        if (bytes < length) {
            return s;
        }
        if (length < 0) {
            throw new CallException("runtime error: slice bounds out of range [:" + length + "]");
        }
        return GoStrings.byteSlice(s, 0, (int) length);
    }
}
