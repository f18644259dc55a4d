package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import java.util.List;

/** Docker's way with several containers: do each, report each failure on stderr, exit 1 if any failed. */
final class Each {
    private Each() {}

    interface Action {
        void apply(String name);
    }

    static int run(Cli cli, List<String> names, Action action) {
        int code = 0;
        for (String name : names) {
            try {
                action.apply(name);
            } catch (StrataException e) {
                cli.err().println("Error: " + e.getMessage());
                code = 1;
            }
        }
        return code;
    }
}
