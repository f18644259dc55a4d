package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import URL}: a gzipped rootfs served over HTTP on 127.0.0.1, and stdin. */
class ImportUrlTest {
    @TempDir
    Path dir;

    @Test
    void importsFromUrlAndStdin() throws Exception {
        Path tar = TestImages.filesTar(dir, "root.tar", Map.of("hello.txt", "hello"));
        byte[] gz;
        try (var bytes = new java.io.ByteArrayOutputStream(); var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(Files.readAllBytes(tar));
            gzip.finish();
            gz = bytes.toByteArray();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/root.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, gz.length);
            exchange.getResponseBody().write(gz);
            exchange.close();
        });
        server.start();
        try {
            StrataRunner strata = new StrataRunner(dir.resolve("root"));
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/root.tar.gz";
            String fromUrl = strata.ok("import", url, "web:1").out().strip();
            String fromStdin = strata.runWithInput(Files.readAllBytes(tar), "import", "-", "stdin:1").out().strip();
            assertThat(strata.ok("inspect", "-f", "{{.RootFS.Layers}}", "web:1").out())
                    .isEqualTo(strata.ok("inspect", "-f", "{{.RootFS.Layers}}", "stdin:1").out());
            assertThat(strata.ok("history", "--format", "{{.Comment}}", "web:1").out()).isEqualTo("Imported from " + url + "\n");
            assertThat(strata.ok("history", "--format", "{{.Comment}}", "stdin:1").out()).isEqualTo("Imported from -\n");
            assertThat(fromUrl).isNotEqualTo(fromStdin);
            var missing = strata.run("import", "http://127.0.0.1:" + server.getAddress().getPort() + "/nope.tar");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).contains("HTTP 404");
        } finally {
            server.stop(0);
        }
    }
}
