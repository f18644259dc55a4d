package dev.strata.cli;

import dev.strata.core.sys.Terminals;

/** Whether standard input and output are terminals: decides progress bars and refusing to write binary to a TTY. */
public record Terminal(boolean stdinIsTerminal, boolean stdoutIsTerminal) {
    /** The real process's terminals, as far as the JVM can tell. */
    public static Terminal system() {
        return new Terminal(Terminals.isTerminal(Terminals.STDIN), Terminals.isTerminal(Terminals.STDOUT));
    }
}
