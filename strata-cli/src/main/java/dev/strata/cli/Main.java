package dev.strata.cli;

import dev.strata.core.StrataException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;

/** The {@code strata} command: parses arguments, runs one verb, maps failures to Docker's exit codes. */
public final class Main {
    /** Exit code for a usage error, as the docker CLI uses. */
    static final int USAGE = 125;

    private Main() {}

    public static void main(String[] args) {
        StartupWarmer.start(args);
        Terminal terminal = Terminal.system();
        java.io.OutputStream rawOut = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        int code = run(args, System.in, System.out, rawOut, System.err, System.getenv(), terminal);
        System.out.flush();
        System.err.flush();
        // halt, not exit: there are no shutdown hooks to run (the store was closed above), and exit would
        // start the platform logging machinery just to report that the process is ending.
        Runtime.getRuntime().halt(code);
    }

    /** Runs one command line with these streams and environment; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, java.io.OutputStream rawOut, PrintStream err,
            Map<String, String> env, Terminal terminal) {
        Cli cli = new Cli(in, out, rawOut, err, env, terminal);
        CommandLine line = StrataCommand.commandLine(cli, args);
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler((e, a) -> {
            CommandLine sub = e.getCommandLine();
            if (e instanceof CommandLine.UnmatchedArgumentException u && sub == line && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().getFirst().startsWith("-")) {
                err.println("strata: '" + u.getUnmatched().getFirst() + "' is not a strata command.");
            } else {
                err.println("strata: " + e.getMessage());
            }
            String path = commandPath(sub);
            err.println("See 'strata " + (path.isEmpty() ? "" : path + " ") + "--help'.");
            return USAGE;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StrataException s) {
                err.println("Error: " + s.getMessage());
                if (env.containsKey("STRATA_DEBUG")) {
                    s.printStackTrace(err);
                }
                return 1;
            }
            if (e instanceof dev.strata.cli.format.TemplateException t) {
                err.println("Error: " + t.getMessage());
                return 1;
            }
            if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
                err.println("Error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        try {
            return line.execute(args);
        } finally {
            cli.close();
        }
    }

    private static String commandPath(CommandLine sub) {
        String path = sub.getCommandSpec().qualifiedName(" ");
        return path.startsWith("strata ") ? path.substring(7) : path.equals("strata") ? "" : path;
    }
}
