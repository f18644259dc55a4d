package dev.strata.core.runtime.conmon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogsTest {
    private static final String LOG = """
            2026-11-22T13:51:53.564434448+00:00 stdout F hi
            2026-11-22T13:51:53.565191171+00:00 stdout P part
            2026-11-22T14:51:53.565201546+01:00 stderr F err
            2026-11-22T13:51:53.600000000+00:00 stdout P ial
            2026-11-22T13:51:54.000000001+00:00 stdout F  line
            2026-11-22T13:51:55.000000000+00:00 stdout P no newline at the end
            """;

    @TempDir
    Path dir;

    @Test
    void splitsStreamsAndJoinsPartialLines() throws Exception {
        Output output = read(LogOptions.all());

        assertThat(output.out()).isEqualTo("hi\npartial line\nno newline at the end");
        assertThat(output.err()).isEqualTo("err\n");
    }

    @Test
    void timestampsAreDockersUtcWithNineDigitsAndTheFirstPieceTimesAJoinedLine() throws Exception {
        Output output = read(LogOptions.all().withTimestamps(true));

        assertThat(output.out()).isEqualTo("""
                2026-11-22T13:51:53.564434448Z hi
                2026-11-22T13:51:53.565191171Z partial line
                2026-11-22T13:51:55.000000000Z no newline at the end""");
        assertThat(output.err()).isEqualTo("2026-11-22T13:51:53.565201546Z err\n");
    }

    @Test
    void tailCountsWholeLinesOfBothStreams() throws Exception {
        assertThat(read(LogOptions.all().withTail(2)).out()).isEqualTo("partial line\nno newline at the end");
        assertThat(read(LogOptions.all().withTail(2)).err()).isEmpty();
        assertThat(read(LogOptions.all().withTail(3)).err()).isEqualTo("err\n");
        assertThat(read(LogOptions.all().withTail(0)).out()).isEmpty();
    }

    @Test
    void sinceAndUntilBoundLinesByTheirTime() throws Exception {
        Output output = read(LogOptions.all()
                .withSince(Instant.parse("2026-11-22T13:51:53.565191171Z"))
                .withUntil(Instant.parse("2026-11-22T13:51:54Z")));

        assertThat(output.out()).isEqualTo("partial line\n");
        assertThat(output.err()).isEqualTo("err\n");
    }

    @Test
    void skipsLinesThatAreNoEntries() throws Exception {
        Path log = Files.writeString(dir.resolve("ctr.log"), "garbage\nnot-a-time stdout F x\n"
                + "2026-11-22T13:51:53.5+00:00 stdin F y\n2026-11-22T13:51:53.5+00:00 stdout F ok\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ContainerLogs.read(log, LogOptions.all(), () -> false, out, new ByteArrayOutputStream());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ok\n");
    }

    @Test
    void aMissingLogIsEmpty() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ContainerLogs.read(dir.resolve("absent"), LogOptions.all().withFollow(true), () -> false, out, out);

        assertThat(out.size()).isZero();
    }

    @Test
    void followShowsLinesAddedWhileRunningAndStopsOnceTheContainerHasEnded() throws Exception {
        Path log = dir.resolve("ctr.log");
        AtomicBoolean running = new AtomicBoolean(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the log as it is when following starts (the tail applies to it), then lines added while it follows;
        // the follower gets a thread of its own: the common pool may be busy with other tests' work
        Files.writeString(log, "2026-11-22T13:51:53.1+00:00 stdout F old\n2026-11-22T13:51:53.2+00:00 stdout F one\n");
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
            try {
                ContainerLogs.read(log, LogOptions.all().withFollow(true).withTail(1), running::get, out,
                        new ByteArrayOutputStream());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> Thread.ofPlatform().start(runnable));
        awaitOutput(out, "one\n");
        // a log line torn between two writes, holding a piece of an output line
        Files.writeString(log, "2026-11-22T13:51:53.3+00:00 stdout P t", StandardOpenOption.APPEND);
        Files.writeString(log, "w\n2026-11-22T13:51:53.4+00:00 stdout F o\n", StandardOpenOption.APPEND);
        awaitOutput(out, "one\ntwo\n");
        Files.writeString(log, "2026-11-22T13:51:53.5+00:00 stdout F last\n", StandardOpenOption.APPEND);
        running.set(false);

        follower.get(30, TimeUnit.SECONDS);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\nlast\n");
    }

    private static void awaitOutput(ByteArrayOutputStream out, String expected) throws InterruptedException {
        for (int i = 0; i < 3000 && !out.toString(StandardCharsets.UTF_8).equals(expected); i++) {
            Thread.sleep(10);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    private Output read(LogOptions options) throws Exception {
        Path log = Files.writeString(dir.resolve("ctr.log"), LOG);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ContainerLogs.read(log, options, () -> false, out, err);
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(String out, String err) {}
}
