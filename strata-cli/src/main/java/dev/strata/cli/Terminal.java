package dev.strata.cli;

import dev.strata.core.sys.Terminals;

/**
 * Whether standard input and output are terminals: decides progress bars and refusing to write binary to a TTY.
 * Asked lazily, since most commands never need to know.
 */
public interface Terminal {
    boolean stdinIsTerminal();

    boolean stdoutIsTerminal();

    /** The real process's descriptors 0 and 1. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean stdinIsTerminal() {
                return Terminals.isTerminal(Terminals.STDIN);
            }

            @Override
            public boolean stdoutIsTerminal() {
                return Terminals.isTerminal(Terminals.STDOUT);
            }
        };
    }

    /** Fixed answers, for tests and in-process runs. */
    static Terminal of(boolean stdin, boolean stdout) {
        return new Terminal() {
            @Override
            public boolean stdinIsTerminal() {
                return stdin;
            }

            @Override
            public boolean stdoutIsTerminal() {
                return stdout;
            }
        };
    }
}
