package dev.strata.cli.format;

import java.util.List;

/**
 * A function callable from a template, with Go-typed parameters so that arguments are checked
 * and converted as text/template does before the body runs.
 *
 * @param params the fixed parameters
 * @param variadic the type of the trailing {@code ...} parameter, or null
 * @param body the implementation; it throws {@link CallException} to fail the call
 */
record TemplateFunction(List<Param> params, Param variadic, Body body) {

    TemplateFunction {
        params = List.copyOf(params);
    }

    /** The Go parameter types that template functions use. */
    enum Param {
        /** {@code interface{}}: a missing value arrives as null. */
        ANY("interface {}"),
        /** {@code reflect.Value}: a missing value arrives as {@link Missing#VALUE}. */
        VALUE("reflect.Value"),
        /** An untyped destination (Go's nil type): the value passes through unchanged. */
        ANY_RAW("interface {}"),
        STRING("string"),
        INT("int"),
        STRING_LIST("[]string");

        private final String goName;

        Param(String goName) {
            this.goName = goName;
        }

        String goName() {
            return goName;
        }

        /**
         * Go's validateType: converts a value passed for a parameter of this type, or throws
         * IllegalArgumentException with Go's message when the value is not assignable.
         */
        Object accept(Object value) {
            if (value == Missing.VALUE) {
                return switch (this) {
                    case ANY -> null;
                    case VALUE, ANY_RAW -> Missing.VALUE;
                    case STRING_LIST -> GoNil.SLICE;
                    default -> throw new IllegalArgumentException("invalid value; expected " + goName);
                };
            }
            return switch (this) {
                case ANY, ANY_RAW, VALUE -> value;
                case STRING -> {
                    if (value instanceof CharSequence || value instanceof Character) {
                        yield value.toString();
                    }
                    throw wrongType(value);
                }
                case INT -> {
                    if (GoValues.kind(value) == GoValues.Kind.INT) {
                        yield GoValues.toLong(value);
                    }
                    throw wrongType(value);
                }
                case STRING_LIST -> {
                    if (value == GoNil.SLICE) {
                        yield List.of();
                    }
                    if (GoValues.kind(value) == GoValues.Kind.SLICE
                            && GoValues.elements(value).stream().allMatch(e -> e instanceof String)) {
                        yield GoValues.elements(value);
                    }
                    throw wrongType(value);
                }
            };
        }

        private IllegalArgumentException wrongType(Object value) {
            return new IllegalArgumentException("wrong type for value; expected " + goName
                    + "; got " + GoValues.typeName(value));
        }
    }

    /** The body of a function. */
    @FunctionalInterface
    interface Body {
        Object apply(List<Object> args);
    }

    /** A failed call; the template reports "error calling NAME: message". */
    static final class CallException extends RuntimeException {
        CallException(String message) {
            super(message, null, false, false);
        }
    }

    static TemplateFunction of(Body body, Param... params) {
        return new TemplateFunction(List.of(params), null, body);
    }

    static TemplateFunction variadic(Body body, Param variadic, Param... params) {
        return new TemplateFunction(List.of(params), variadic, body);
    }
}
