package dev.strata.cli.format;

import java.util.List;

/** Go's fmt.Sprint, fmt.Sprintln and fmt.Sprintf over template values. */
final class GoFmt {

    private GoFmt() {
    }

    /** fmt.Sprint: operands in %v, with a space between two operands when neither is a string. */
    static String sprint(List<?> args) {
        GoPrinter p = new GoPrinter();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            boolean isString = GoPrinter.isStringOperand(arg);
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.printArg(arg, 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    /** fmt.Sprintln: operands in %v separated by spaces, then a newline. */
    static String sprintln(List<?> args) {
        GoPrinter p = new GoPrinter();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.printArg(args.get(i), 'v');
        }
        return p.buf.append('\n').toString();
    }

    /** One value in %v, as {@code {{.X}}} prints it. */
    static String value(Object v) {
        return sprint(java.util.Collections.singletonList(v));
    }

    /** fmt.Sprintf, including flags, width, precision, {@code *} and {@code [n]} indexes. */
    static String sprintf(String format, List<?> args) {
        return new Printf(format, args).run();
    }

    /** The state of one Sprintf call: the format position and the next argument. */
    private static final class Printf {
        private final GoPrinter p = new GoPrinter();
        private final String format;
        private final List<?> args;
        private int i;
        private int argNum;
        private boolean reordered;
        private boolean goodArgNum;

        Printf(String format, List<?> args) {
            this.format = format;
            this.args = args;
        }

        String run() {
            int end = format.length();
            while (i < end) {
                goodArgNum = true;
                int last = i;
                while (i < end && format.charAt(i) != '%') {
                    i++;
                }
                p.buf.append(format, last, i);
                if (i >= end) {
                    break;
                }
                i++;
                if (!verb(end)) {
                    break;
                }
            }
            if (!reordered && argNum < args.size()) {
                appendExtra();
            }
            return p.buf.toString();
        }

        /** Processes one verb after its '%'; returns false when the format ended early. */
        private boolean verb(int end) {
            p.clearFlags();
            flags(end);
            boolean afterIndex = argNumber();
            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer w = intFromArg();
                p.widPresent = w != null;
                if (w == null) {
                    p.buf.append("%!(BADWIDTH)");
                } else if (w < 0) {
                    p.wid = -w;
                    p.minus = true;
                    p.zero = false;
                } else {
                    p.wid = w;
                }
                afterIndex = false;
            } else {
                int start = i;
                p.wid = parseNum(end);
                p.widPresent = i > start;
                if (afterIndex && p.widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                afterIndex = argNumber();
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer pr = intFromArg();
                    p.precPresent = pr != null && pr >= 0;
                    p.prec = p.precPresent ? pr : 0;
                    if (pr == null) {
                        p.buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    p.prec = parseNum(end);
                    p.precPresent = true;
                }
            }
            if (!afterIndex) {
                argNumber();
            }
            if (i >= end) {
                p.buf.append("%!(NOVERB)");
                return false;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            print(verb);
            return true;
        }

        private void flags(int end) {
            for (; i < end; i++) {
                switch (format.charAt(i)) {
                    case '#' -> p.sharp = true;
                    case '0' -> p.zero = !p.minus;
                    case '+' -> p.plus = true;
                    case '-' -> {
                        p.minus = true;
                        p.zero = false;
                    }
                    case ' ' -> p.space = true;
                    default -> {
                        return;
                    }
                }
            }
        }

        private void print(int verb) {
            if (verb == '%') {
                p.buf.append('%');
            } else if (!goodArgNum) {
                p.buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= args.size()) {
                p.buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    p.sharpV = p.sharp;
                    p.sharp = false;
                    p.plusV = p.plus;
                    p.plus = false;
                }
                p.printArg(args.get(argNum), verb);
                argNum++;
            }
        }

        private void appendExtra() {
            p.clearFlags();
            p.buf.append("%!(EXTRA ");
            for (int k = argNum; k < args.size(); k++) {
                if (k > argNum) {
                    p.buf.append(", ");
                }
                Object arg = args.get(k);
                if (arg == null || arg == Missing.VALUE) {
                    p.buf.append("<nil>");
                } else {
                    p.buf.append(GoValues.typeName(arg)).append('=');
                    p.printArg(arg, 'v');
                }
            }
            p.buf.append(')');
        }

        /** Parses "[n]" at the cursor; returns whether one was found. */
        private boolean argNumber() {
            if (i >= format.length() || format.charAt(i) != '[') {
                return false;
            }
            reordered = true;
            int close = format.indexOf(']', i + 1);
            if (close < 0) {
                goodArgNum = false;
                i++;
                return false;
            }
            String digits = format.substring(i + 1, close);
            i = close + 1;
            if (!digits.matches("[0-9]{1,6}")) {
                goodArgNum = false;
                return false;
            }
            int index = Integer.parseInt(digits) - 1;
            if (index < 0 || index >= args.size()) {
                goodArgNum = false;
                return true;
            }
            argNum = index;
            return true;
        }

        private Integer intFromArg() {
            if (argNum >= args.size()) {
                return null;
            }
            Object arg = args.get(argNum++);
            if (GoValues.kind(arg) != GoValues.Kind.INT) {
                return null;
            }
            long n = GoValues.toBigInteger(arg).longValue();
            return Math.abs(n) > 1_000_000 ? null : (int) n;
        }

        private int parseNum(int end) {
            int n = 0;
            while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                if (n > 1_000_000) {
                    return 0;
                }
                n = n * 10 + (format.charAt(i) - '0');
                i++;
            }
            return n;
        }
    }
}
