package dev.strata.cli.format;

import dev.strata.cli.format.TemplateFunction.CallException;
import java.util.List;

/** Go's template comparison functions eq, ne, lt, le, gt and ge over basic kinds. */
final class Comparisons {

    private enum Basic { INVALID, BOOL, INT, FLOAT, STRING }

    private Comparisons() {
    }

    private static Basic basic(Object v) {
        return switch (GoValues.kind(v)) {
            case BOOL -> Basic.BOOL;
            case INT -> Basic.INT;
            case FLOAT -> Basic.FLOAT;
            case STRING -> Basic.STRING;
            default -> Basic.INVALID;
        };
    }

    /** eq: whether a equals any of the others. */
    static boolean eq(Object a, List<Object> others) {
        if (others.isEmpty()) {
            throw new CallException("missing argument for comparison");
        }
        Basic k1 = basic(a);
        for (Object b : others) {
            Basic k2 = basic(b);
            boolean truth;
            if (k1 != k2) {
                if (a != Missing.VALUE && b != Missing.VALUE) {
                    throw new CallException("incompatible types for comparison");
                }
                truth = false;
            } else {
                truth = switch (k1) {
                    case BOOL -> a.equals(b);
                    case INT -> GoValues.toBigInteger(a).equals(GoValues.toBigInteger(b));
                    case FLOAT -> ((Number) a).doubleValue() == ((Number) b).doubleValue();
                    case STRING -> a.toString().equals(b.toString());
                    case INVALID -> equalOther(a, b);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalOther(Object a, Object b) {
        if (isNil(a) || isNil(b)) {
            return isNil(a) == isNil(b);
        }
        if (GoValues.kind(b) == GoValues.Kind.MAP || GoValues.kind(b) == GoValues.Kind.SLICE
                || GoValues.kind(b) == GoValues.Kind.FUNC) {
            throw new CallException("non-comparable type " + GoFmt.value(b) + ": "
                    + GoValues.typeName(b));
        }
        return a.equals(b);
    }

    private static boolean isNil(Object v) {
        return v == null || v == Missing.VALUE || v instanceof GoNil;
    }

    /** lt: a < b for two values of the same basic kind. */
    static boolean lt(Object a, Object b) {
        Basic k1 = basic(a);
        Basic k2 = basic(b);
        if (k1 == Basic.INVALID || k2 == Basic.INVALID) {
            throw new CallException("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new CallException("incompatible types for comparison");
        }
        return switch (k1) {
            case INT -> GoValues.toBigInteger(a).compareTo(GoValues.toBigInteger(b)) < 0;
            case FLOAT -> ((Number) a).doubleValue() < ((Number) b).doubleValue();
            case STRING -> GoValues.compareStrings(a.toString(), b.toString()) < 0;
            default -> throw new CallException("invalid type for comparison");
        };
    }

    static boolean le(Object a, Object b) {
        return lt(a, b) || eq(a, java.util.Collections.singletonList(b));
    }

    static boolean gt(Object a, Object b) {
        return !le(a, b);
    }

    static boolean ge(Object a, Object b) {
        return !lt(a, b);
    }

    static boolean ne(Object a, Object b) {
        return !eq(a, java.util.Collections.singletonList(b));
    }
}
