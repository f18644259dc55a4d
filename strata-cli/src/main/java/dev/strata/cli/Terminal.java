package dev.strata.cli;

/** Whether standard input and output are terminals: decides progress bars and refusing to write binary to a TTY. */
public record Terminal(boolean stdinIsTerminal, boolean stdoutIsTerminal) {
    /** The real process's terminals, as far as the JVM can tell. */
    public static Terminal system() {
        java.io.Console console = System.console();
        boolean out = console != null && console.isTerminal();
        boolean in = out;
        return new Terminal(in, out);
    }
}
