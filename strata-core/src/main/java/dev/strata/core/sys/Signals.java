package dev.strata.core.sys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Linux signal numbers and names (x86-64 and arm64 share these), as {@code docker kill --signal} and
 * {@code STOPSIGNAL} accept them: a number, a name, or a name without its {@code SIG} prefix. Stateless.
 */
public final class Signals {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGWINCH = 28;

    /** The highest signal number Linux has (SIGRTMAX). */
    public static final int MAX = 64;

    /** Index = number; the standard signals, without the SIG prefix. */
    private static final List<String> NAMES = List.of("",
            "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
            "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
            "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    private Signals() {}

    /** The number of a signal given as {@code 9}, {@code KILL}, {@code SIGKILL} or {@code sigkill}. */
    public static OptionalInt number(String signal) {
        String text = signal.strip().toUpperCase(Locale.ROOT);
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                int number = Integer.parseInt(text);
                return number >= 1 && number <= MAX ? OptionalInt.of(number) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        String name = text.startsWith("SIG") ? text.substring(3) : text;
        if (name.equals("IOT")) {
            return OptionalInt.of(6);
        }
        if (name.equals("POLL")) {
            return OptionalInt.of(29);
        }
        int index = NAMES.indexOf(name);
        return index > 0 ? OptionalInt.of(index) : OptionalInt.empty();
    }

    /** The name of a standard signal with its prefix, such as {@code SIGTERM}; empty for real-time ones. */
    public static Optional<String> name(int number) {
        return number > 0 && number < NAMES.size() ? Optional.of("SIG" + NAMES.get(number)) : Optional.empty();
    }
}
