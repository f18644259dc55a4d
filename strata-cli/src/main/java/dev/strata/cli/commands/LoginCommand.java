package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.distribution.AuthConfig;
import dev.strata.core.engine.LoginResult;
import dev.strata.core.engine.RegistrySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code login}: check credentials against a registry and keep them in Docker's config.json (or its helper). */
public final class LoginCommand implements Callable<Integer> {
    private final Cli cli;
    private String username;
    private String password;
    private boolean passwordStdin;
    private String server;

    private LoginCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        LoginCommand c = new LoginCommand(cli);
        return Syntax.of(c, "login", "Log in to a registry.\nIf no server is specified, the default is defined by the daemon.")
                .option("-u, --username", "<string>", "Username", v -> c.username = v)
                .option("-p, --password", "<string>", "Password", v -> c.password = v)
                .flag("--password-stdin", "Take the password from stdin", v -> c.passwordStdin = v)
                .parameter("0", "0..1", "SERVER", v -> c.server = v)
                .line();
    }

    @Override
    public Integer call() throws IOException {
        String target = server == null ? "docker.io" : server;
        RegistrySettings settings = RegistryEnvironment.settings(cli);
        if (password != null) {
            cli.err().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
            if (passwordStdin) {
                throw invalid("--password and --password-stdin are mutually exclusive");
            }
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
        if (passwordStdin) {
            if (username == null) {
                throw invalid("Must provide --username with --password-stdin");
            }
            password = stdin.lines().reduce((a, b) -> a + "\n" + b).orElse("").strip();
        }
        AuthConfig auth;
        if (username == null && password == null) {
            AuthConfig stored = cli.engine().storedLogin(target, settings);
            if (!stored.isAnonymous()) {
                cli.out().println("Authenticating with existing credentials...");
                auth = stored;
            } else {
                auth = AuthConfig.basic(prompt(stdin, "Username: "), promptPassword(stdin));
            }
        } else {
            if (username == null) {
                username = prompt(stdin, "Username: ");
            }
            if (password == null) {
                password = promptPassword(stdin);
            }
            auth = AuthConfig.basic(username, password);
        }
        if (auth.identityToken() == null && (auth.username() == null || auth.password() == null)) {
            throw invalid("Non-null Username Required");
        }
        LoginResult result = cli.engine().login(target, auth, settings);
        if (result.storedInFile()) {
            cli.err().println("WARNING! Your password will be stored unencrypted in " + result.config() + ".");
            cli.err().println("Configure a credential helper to remove this warning. See");
            cli.err().println("https://docs.docker.com/engine/reference/commandline/login/#credentials-store");
            cli.err().println();
        }
        cli.out().println("Login Succeeded");
        return 0;
    }

    private String prompt(BufferedReader stdin, String label) throws IOException {
        cli.out().print(label);
        cli.out().flush();
        String line = stdin.readLine();
        if (line == null || line.strip().isEmpty()) {
            throw invalid("Non-null " + label.replace(":", "").strip() + " Required");
        }
        return line.strip();
    }

    /**
     * Asks for the password as Docker does: without echo on a terminal; from standard input (one line) when that is
     * not a terminal, so scripts can pipe it in.
     */
    private String promptPassword(BufferedReader stdin) throws IOException {
        java.io.Console console = System.console();
        if (cli.terminal().stdinIsTerminal() && console != null && console.isTerminal()) {
            cli.out().flush();
            char[] typed = console.readPassword("Password: "); // echo off; the console ends the line itself
            if (typed == null || typed.length == 0 || new String(typed).isBlank()) {
                throw invalid("Non-null Password Required");
            }
            return new String(typed);
        }
        return prompt(stdin, "Password: ");
    }

    private static StrataException invalid(String message) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, message);
    }
}
