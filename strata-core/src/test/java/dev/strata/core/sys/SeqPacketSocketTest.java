package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeqPacketSocketTest {
    @TempDir
    Path dir;

    private int listener = -1;

    @AfterEach
    void closeListener() {
        if (listener >= 0) {
            NativeTestSupport.close(listener);
        }
    }

    @Test
    void messagesKeepTheirBoundariesBothWays() throws Throwable {
        Path path = dir.resolve("s");
        listener = NativeTestSupport.listenSeqPacket(path);

        try (SeqPacketSocket client = SeqPacketSocket.connect(path);
                SeqPacketSocket server = SeqPacketSocket.adopt(NativeTestSupport.accept(listener), path)) {
            client.send(bytes("one"), 0, 3);
            client.send(bytes("xtwox"), 1, 3);
            server.send(bytes("reply"), 0, 5);

            assertThat(receive(server)).isEqualTo("one");
            assertThat(receive(server)).isEqualTo("two");
            assertThat(receive(client)).isEqualTo("reply");
        }
    }

    @Test
    void shuttingDownOutputGivesThePeerEndOfFileWhileReceivingGoesOn() throws Throwable {
        Path path = dir.resolve("s");
        listener = NativeTestSupport.listenSeqPacket(path);

        try (SeqPacketSocket client = SeqPacketSocket.connect(path);
                SeqPacketSocket server = SeqPacketSocket.adopt(NativeTestSupport.accept(listener), path)) {
            client.shutdownOutput();
            assertThat(server.receive(new byte[16])).isEqualTo(-1);

            server.send(bytes("still"), 0, 5);
            assertThat(receive(client)).isEqualTo("still");
        }
    }

    @Test
    void closingWakesABlockedReceiver() throws Throwable {
        Path path = dir.resolve("s");
        listener = NativeTestSupport.listenSeqPacket(path);
        SeqPacketSocket client = SeqPacketSocket.connect(path);
        try (SeqPacketSocket server = SeqPacketSocket.adopt(NativeTestSupport.accept(listener), path)) {
            CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.receive(new byte[16]);
                } catch (ErrnoException e) {
                    throw new IllegalStateException(e);
                }
            }, runnable -> Thread.ofPlatform().start(runnable)); // not the common pool, which other tests may fill

            client.close();

            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(client.receive(new byte[16])).isEqualTo(-1);
            assertThatThrownBy(() -> client.send(bytes("x"), 0, 1)).isInstanceOf(ErrnoException.class);
        }
    }

    @Test
    void connectsToASocketWhosePathIsLongerThanSunPath() throws Throwable {
        Path deep = dir;
        while (deep.toString().length() < 200) {
            deep = deep.resolve("a-rather-long-directory-name");
        }
        Files.createDirectories(deep);
        // bind through a short symbolic link to the deep directory: the server side is not what is tested
        Path shortcut = Files.createSymbolicLink(dir.resolve("l"), deep);
        listener = NativeTestSupport.listenSeqPacket(shortcut.resolve("attach"));
        Path socket = deep.resolve("attach");
        assertThat(socket.toString().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(108);

        try (SeqPacketSocket client = SeqPacketSocket.connect(socket);
                SeqPacketSocket server = SeqPacketSocket.adopt(NativeTestSupport.accept(listener), socket)) {
            client.send(bytes("deep"), 0, 4);
            assertThat(receive(server)).isEqualTo("deep");
        }
    }

    @Test
    void connectingWhereNobodyListensFailsWithTheErrno() {
        assertThatThrownBy(() -> SeqPacketSocket.connect(dir.resolve("absent")))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOENT));
    }

    private static String receive(SeqPacketSocket socket) throws ErrnoException {
        byte[] buffer = new byte[64];
        int n = socket.receive(buffer);
        return new String(Arrays.copyOf(buffer, n), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
