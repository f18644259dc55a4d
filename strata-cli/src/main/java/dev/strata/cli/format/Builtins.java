package dev.strata.cli.format;

import static dev.strata.cli.format.TemplateFunction.Param.ANY;
import static dev.strata.cli.format.TemplateFunction.Param.STRING;
import static dev.strata.cli.format.TemplateFunction.Param.VALUE;

import dev.strata.cli.format.TemplateFunction.CallException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The functions built into Go's text/template, except the short-circuit parts of and/or. */
final class Builtins {

    private Builtins() {
    }

    static Map<String, TemplateFunction> all() {
        Map<String, TemplateFunction> f = new HashMap<>();
        f.put("and", TemplateFunction.variadic(a -> a.getLast(), VALUE, VALUE));
        f.put("or", TemplateFunction.variadic(a -> a.getLast(), VALUE, VALUE));
        f.put("not", TemplateFunction.of(a -> !GoValues.isTrue(a.getFirst()), VALUE));
        f.put("len", TemplateFunction.of(a -> length(a.getFirst()), VALUE));
        f.put("index", TemplateFunction.variadic(Builtins::index, VALUE, VALUE));
        f.put("slice", TemplateFunction.variadic(Builtins::slice, VALUE, VALUE));
        f.put("print", TemplateFunction.variadic(GoFmt::sprint, ANY));
        f.put("println", TemplateFunction.variadic(GoFmt::sprintln, ANY));
        f.put("printf", TemplateFunction.variadic(
                a -> GoFmt.sprintf((String) a.getFirst(), a.subList(1, a.size())), ANY, STRING));
        f.put("html", TemplateFunction.variadic(a -> Escapers.html(evalArgs(a)), ANY));
        f.put("js", TemplateFunction.variadic(a -> Escapers.js(evalArgs(a)), ANY));
        f.put("urlquery", TemplateFunction.variadic(a -> Escapers.urlQuery(evalArgs(a)), ANY));
        f.put("call", TemplateFunction.variadic(Builtins::call, VALUE, VALUE));
        f.put("eq", TemplateFunction.variadic(
                a -> Comparisons.eq(a.getFirst(), a.subList(1, a.size())), VALUE, VALUE));
        f.put("ne", TemplateFunction.of(a -> Comparisons.ne(a.get(0), a.get(1)), VALUE, VALUE));
        f.put("lt", TemplateFunction.of(a -> Comparisons.lt(a.get(0), a.get(1)), VALUE, VALUE));
        f.put("le", TemplateFunction.of(a -> Comparisons.le(a.get(0), a.get(1)), VALUE, VALUE));
        f.put("gt", TemplateFunction.of(a -> Comparisons.gt(a.get(0), a.get(1)), VALUE, VALUE));
        f.put("ge", TemplateFunction.of(a -> Comparisons.ge(a.get(0), a.get(1)), VALUE, VALUE));
        return Map.copyOf(f);
    }

    private static int length(Object v) {
        return switch (GoValues.kind(v)) {
            case NIL -> throw new CallException("len of nil pointer");
            case INVALID -> throw new CallException("reflect: call of reflect.Value.Type on zero Value");
            case STRING -> GoStrings.byteLength(v.toString());
            case MAP -> v instanceof Map<?, ?> m ? m.size() : 0;
            case SLICE -> GoValues.elements(v).size();
            default -> throw new CallException("len of type " + GoValues.typeName(v));
        };
    }

    private static Object index(List<Object> args) {
        Object item = args.getFirst();
        if (item == Missing.VALUE) {
            throw new CallException("index of untyped nil");
        }
        for (Object index : args.subList(1, args.size())) {
            item = switch (GoValues.kind(item)) {
                case NIL -> throw new CallException("index of nil pointer");
                case SLICE -> {
                    List<?> elements = GoValues.elements(item);
                    yield elements.get(checkedIndex(index, elements.size(), "slice"));
                }
                case STRING -> {
                    byte[] bytes = item.toString().getBytes(StandardCharsets.UTF_8);
                    yield bytes[checkedIndex(index, bytes.length, "string")] & 0xFF;
                }
                case MAP -> mapIndex(item, index);
                default -> throw new CallException("can't index item of type "
                        + GoValues.typeName(item));
            };
        }
        return item;
    }

    private static int checkedIndex(Object index, int length, String what) {
        int x = indexArg(index, length);
        if (x == length) {
            // Go's bounds check allows len and then reflect panics on the access.
            throw new CallException("reflect: " + what + " index out of range");
        }
        return x;
    }

    private static int indexArg(Object index, int cap) {
        switch (GoValues.kind(index)) {
            case INT -> {
                long x = GoValues.toBigInteger(index).longValue();
                if (x < 0 || x > cap) {
                    throw new CallException("index out of range: " + GoValues.toBigInteger(index));
                }
                return (int) x;
            }
            case INVALID -> throw new CallException("cannot index slice/array with nil");
            default -> throw new CallException("cannot index slice/array with type "
                    + GoValues.typeName(index));
        }
    }

    /**
     * A map lookup. A missing key yields Go's zero value of the element type, which Strata
     * cannot see: a map whose values are all strings is taken to be a map[string]string (like
     * Docker's Labels) and gives "", any other map gives an untyped nil that prints
     * {@code <no value>}.
     */
    private static Object mapIndex(Object item, Object key) {
        if (key == Missing.VALUE) {
            key = "";
        }
        if (GoValues.kind(key) != GoValues.Kind.STRING) {
            throw new CallException("value has type " + GoValues.typeName(key) + "; should be string");
        }
        if (!(item instanceof Map<?, ?> map)) {
            return Missing.VALUE;
        }
        String k = key.toString();
        if (map.containsKey(k)) {
            return map.get(k);
        }
        boolean allStrings = map.values().stream().allMatch(v -> v instanceof String);
        return allStrings ? "" : Missing.VALUE;
    }

    private static Object slice(List<Object> args) {
        Object item = args.getFirst();
        List<Object> indexes = args.subList(1, args.size());
        if (item == Missing.VALUE) {
            throw new CallException("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new CallException("too many slice indexes: " + indexes.size());
        }
        GoValues.Kind kind = GoValues.kind(item);
        int length;
        if (kind == GoValues.Kind.STRING) {
            if (indexes.size() == 3) {
                throw new CallException("cannot 3-index slice a string");
            }
            length = GoStrings.byteLength(item.toString());
        } else if (kind == GoValues.Kind.SLICE) {
            length = GoValues.elements(item).size();
        } else {
            throw new CallException("can't slice item of type " + GoValues.typeName(item));
        }
        int[] idx = {0, length, length};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), length);
        }
        if (idx[0] > idx[1]) {
            throw new CallException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new CallException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (kind == GoValues.Kind.STRING) {
            return GoStrings.byteSlice(item.toString(), idx[0], idx[1]);
        }
        return new ArrayList<>(GoValues.elements(item).subList(idx[0], idx[1]));
    }

    private static Object call(List<Object> args) {
        Object fn = args.getFirst();
        if (fn == Missing.VALUE || fn == null) {
            throw new CallException("call of nil");
        }
        if (!(fn instanceof TemplateMethod method)) {
            throw new CallException("non-function of type " + GoValues.typeName(fn));
        }
        List<Object> rest = new ArrayList<>();
        for (Object a : args.subList(1, args.size())) {
            rest.add(a == Missing.VALUE ? null : a);
        }
        try {
            return method.invoke(rest);
        } catch (IllegalArgumentException e) {
            throw new CallException(e.getMessage());
        }
    }

    /** Go's evalArgs: one string as is, otherwise Sprint with missing values as "<no value>". */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.getFirst() instanceof String s) {
            return s;
        }
        List<Object> printable = new ArrayList<>();
        for (Object a : args) {
            printable.add(a == null ? "<no value>" : a);
        }
        return GoFmt.sprint(printable);
    }
}
