package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.strata.core.StrataException;
import dev.strata.core.archive.Compression;
import dev.strata.core.archive.UnsafeArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContextOpenerTest {
    @TempDir
    Path temp;
    Path scratch;
    byte[] stdinBytes = new byte[0];
    ContextOpener opener;

    @BeforeEach
    void setUp() throws IOException {
        scratch = Files.createDirectory(temp.resolve("scratch"));
        opener = new ContextOpener(scratch, HttpClient::newHttpClient, "git", () -> new ByteArrayInputStream(stdinBytes));
    }

    private static Tars sample() {
        return new Tars().file("Dockerfile", "FROM scratch\n").dir("src").file("src/a.txt", "a").symlink("src/l", "a.txt");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aTarStreamInAnyCompressionIsUnpackedAndRemovedOnClose(Compression compression) throws IOException {
        stdinBytes = sample().bytes(compression);
        Path root;
        try (BuildContext context = opener.open(new ContextSpec.Stdin())) {
            root = context.root();
            assertThat(context.temporary()).isTrue();
            assertThat(root).startsWith(scratch);
            assertThat(root.resolve("src/a.txt")).hasContent("a");
            assertThat(Files.readSymbolicLink(root.resolve("src/l"))).isEqualTo(Path.of("a.txt"));
            assertThat(context.inlineDockerfile()).isEmpty();
        }
        assertThat(root).doesNotExist();
    }

    @Test
    void aDockerfileOnStdinIsADockerfileWithAnEmptyContext() throws IOException {
        stdinBytes = "FROM busybox\nRUN true\n".getBytes(StandardCharsets.UTF_8);
        try (BuildContext context = opener.open(new ContextSpec.Stdin())) {
            assertThat(context.inlineDockerfile()).contains("FROM busybox\nRUN true\n");
            try (Stream<Path> files = Files.list(context.root())) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void unsafeArchivesAreRefusedAndLeaveNothingBehind() throws IOException {
        Path outside = temp.resolve("outside");
        Files.createDirectory(outside);
        for (byte[] tar : new byte[][] {
                new Tars().file("../evil", "x").bytes(),
                new Tars().file("a/../../evil", "x").bytes(),
                new Tars().symlink("out", outside.toString()).file("out/evil", "x").bytes()}) {
            assertThatThrownBy(() -> opener.tar(new ByteArrayInputStream(tar), "stdin"))
                    .isInstanceOf(UnsafeArchiveException.class)
                    .hasMessageStartingWith("cannot extract layer: entry ");
        }
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        try (Stream<Path> left = Files.list(outside)) {
            assertThat(left).isEmpty();
        }
        assertThat(temp.resolve("evil")).doesNotExist();
    }

    @Test
    void anAbsoluteEntryNameIsRefused() {
        byte[] tar = new Tars().file("/abs", "x").bytes();
        assertThatThrownBy(() -> opener.tar(new ByteArrayInputStream(tar), "stdin"))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("absolute");
    }

    @Test
    void aTarballUrlIsDownloadedFromTheLoopbackServer() throws IOException {
        byte[] tarball = sample().bytes(Compression.GZIP);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ctx.tar.gz", exchange -> respond(exchange, 200, tarball));
        server.createContext("/Dockerfile", exchange -> respond(exchange, 200, "FROM scratch\n".getBytes()));
        server.createContext("/missing", exchange -> respond(exchange, 404, "nope".getBytes()));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ContextSpec spec = ContextSpec.parse(base + "/ctx.tar.gz", temp);
            assertThat(spec).isInstanceOf(ContextSpec.Remote.class);
            try (BuildContext context = opener.open(spec)) {
                assertThat(context.root().resolve("Dockerfile")).hasContent("FROM scratch");
                assertThat(context.root().resolve("src/a.txt")).hasContent("a");
            }
            try (BuildContext context = opener.url(URI.create(base + "/Dockerfile"))) {
                assertThat(context.inlineDockerfile()).contains("FROM scratch\n");
            }
            assertThatThrownBy(() -> opener.url(URI.create(base + "/missing")))
                    .isInstanceOf(StrataException.class)
                    .hasMessageContaining("failed to GET " + base + "/missing with status 404");
        } finally {
            server.stop(0);
        }
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aLocalDirectoryIsUsedInPlace() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("local"));
        try (BuildContext context = opener.open(ContextSpec.parse("local", temp))) {
            assertThat(context.root()).isEqualTo(dir.toRealPath());
            assertThat(context.temporary()).isFalse();
        }
        assertThat(dir).exists();
        assertThatThrownBy(() -> ContextSpec.parse("nowhere", temp))
                .isInstanceOf(StrataException.class).hasMessage("unable to prepare context: path \"nowhere\" not found");
    }

    static InputStream empty() {
        return InputStream.nullInputStream();
    }
}
