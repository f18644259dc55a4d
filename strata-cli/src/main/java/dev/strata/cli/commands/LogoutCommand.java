package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.distribution.ServerKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code logout}: forget the login of a registry, in config.json and its credential helper. */
public final class LogoutCommand implements Callable<Integer> {
    private final Cli cli;
    private String server;

    private LogoutCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        LogoutCommand c = new LogoutCommand(cli);
        return Syntax.of(c, "logout", "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.")
                .parameter("0", "0..1", "SERVER", v -> c.server = v)
                .line();
    }

    @Override
    public Integer call() {
        String target = server == null ? "docker.io" : server;
        String key = ServerKeys.key(target);
        if (cli.engine().logout(target, RegistryEnvironment.settings(cli))) {
            cli.out().println("Removing login credentials for " + key);
        } else {
            cli.out().println("Not logged in to " + key);
        }
        return 0;
    }
}
