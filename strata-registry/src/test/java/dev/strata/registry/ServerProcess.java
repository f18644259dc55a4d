package dev.strata.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A registry server in a process of its own ({@link RegistryMain}), for tests that kill it or talk to it with real tools. */
final class ServerProcess implements AutoCloseable {
    final Process process;
    final URI uri;

    ServerProcess(Path storage) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                RegistryMain.class.getName(), "--storage", storage.toString(), "--addr", "127.0.0.1:0"))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        URI found = null;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening on ")) {
                found = URI.create(line.substring("listening on ".length()).strip());
                break;
            }
        }
        if (found == null) {
            process.destroyForcibly();
            throw new IOException("the registry process ended before listening");
        }
        uri = found;
        Thread.ofVirtual().start(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the process is gone
            }
        });
    }

    String hostPort() {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would stop it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
