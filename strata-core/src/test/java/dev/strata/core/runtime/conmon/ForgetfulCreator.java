package dev.strata.core.runtime.conmon;

import dev.strata.core.runtime.Runc;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a JVM of its own by {@link ConmonTest}: creates and starts one container under conmon, prints
 * "CONMON_PID PID" and exits, forgetting the container as a finished {@code strata run -d} does.
 * Arguments: conmon, runc, runc state root, container ID, bundle, container directory.
 */
public final class ForgetfulCreator {
    private ForgetfulCreator() {}

    public static void main(String[] args) {
        Path runcBinary = Path.of(args[1]);
        Path stateRoot = Path.of(args[2]);
        Conmon conmon = new Conmon(Path.of(args[0]), runcBinary, stateRoot);
        MonitoredContainer container = conmon.create(
                new CreateRequest(args[3], args[3], Path.of(args[4]), Path.of(args[5]), false, false, List.of()));
        new Runc(runcBinary, stateRoot).start(container.id());
        System.out.println(container.conmonPid() + " " + container.pid());
    }
}
