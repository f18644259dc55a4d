package dev.strata.registry;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs a registry server without the CLI: {@code java -cp … dev.strata.registry.RegistryMain --storage DIR
 * [--addr HOST:PORT] [--config FILE]}. The CLI's {@code strata registry serve} is the user's way; this one is for
 * tests and benchmarks that start the server as a process of its own. It prints {@code listening on URL} once
 * serving, and access-log lines after that.
 */
public final class RegistryMain {
    private RegistryMain() {}

    public static void main(String[] args) throws InterruptedException {
        RegistrySettings settings = RegistrySettings.defaults(Path.of("registry"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            settings = switch (args[i]) {
                case "--config" -> SettingsFile.apply(settings, Path.of(args[i + 1]));
                case "--storage" -> settings.withStorage(Path.of(args[i + 1]));
                case "--addr" -> settings.withAddress(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            };
        }
        StreamAccessLog log = new StreamAccessLog(System.out);
        RegistryServer server = RegistryServer.start(settings, log, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            log.close();
        }));
        System.out.println("listening on " + server.baseUri());
        System.out.flush();
        server.join();
    }
}
