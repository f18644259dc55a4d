package dev.strata.cli.e2e;

import static dev.strata.cli.e2e.ContainerTests.eventually;
import static dev.strata.cli.e2e.ContainerTests.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The container lifecycle verbs as Docker's: ps, stop, kill, restart, pause, rm, logs, wait, attach. */
@Tag("root")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails
class ContainerCommandsTest extends ContainerTestCase {

    @Test
    void psListsFiltersAndFormatsLikeDocker() throws Exception {
        strata.ok("create", "--name", "created1", "busybox", "echo", "a long command line that gets truncated");
        strata.ok("run", "--name", "exited0", "busybox", "true");
        strata.run("run", "--name", "exited3", "-l", "kind=failing", "busybox", "sh", "-c", "exit 3");
        strata.ok("commit", "exited0", "child:1");
        String running = strata.ok("run", "-d", "--name", "running", "child:1", "sleep", "100").out().strip();

        assertThat(strata.ok("ps", "-q").out()).isEqualTo(running.substring(0, 12) + "\n");
        assertThat(strata.ok("ps", "-q", "--no-trunc").out()).isEqualTo(running + "\n");
        assertThat(names("-a")).containsExactly("running", "exited3", "exited0", "created1");
        assertThat(names("-n", "2")).containsExactly("running", "exited3");
        assertThat(names("-l")).containsExactly("running");
        assertThat(strata.ok("ps", "-a", "-q").lines()).hasSize(4).allMatch(id -> id.matches("[0-9a-f]{12}"));

        assertThat(names("-a", "--filter", "status=exited")).containsExactly("exited3", "exited0");
        assertThat(names("-a", "--filter", "status=created")).containsExactly("created1");
        assertThat(names("-a", "--filter", "status=running")).containsExactly("running");
        assertThat(names("-a", "--filter", "exited=3")).containsExactly("exited3");
        assertThat(names("-a", "--filter", "exited=0")).containsExactly("exited0");
        assertThat(names("-a", "--filter", "name=exited")).containsExactly("exited3", "exited0");
        assertThat(names("-a", "--filter", "name=^/exited0$")).containsExactly("exited0");
        assertThat(names("-a", "--filter", "label=kind=failing")).containsExactly("exited3");
        assertThat(names("-a", "--filter", "ancestor=child:1")).containsExactly("running");
        assertThat(names("-a", "--filter", "ancestor=busybox")).containsExactly("running", "exited3", "exited0", "created1");
        assertThat(names("-a", "--filter", "status=exited", "--filter", "status=created"))
                .containsExactly("exited3", "exited0", "created1");
        assertThat(names("-a", "--filter", "status=exited", "--filter", "name=exited0")).containsExactly("exited0");
        StrataRunner.Result bad = strata.run("ps", "--filter", "status=sleeping");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("invalid filter 'status=sleeping'");

        List<String> table = strata.ok("ps", "-a", "--filter", "name=exited", "--format", "table {{.Names}}\t{{.Status}}").lines();
        assertThat(table).hasSize(3);
        assertThat(table.get(0)).matches("NAMES +STATUS");
        assertThat(table.get(1)).matches("exited3 +Exited \\(3\\) .* ago");
        assertThat(strata.ok("ps").lines().getFirst().split(" {2,}"))
                .containsExactly("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
        assertThat(strata.ok("ps", "-a", "--filter", "name=created1", "--format", "{{.Command}}").out())
                .isEqualTo("\"echo a long command…\"\n");
        assertThat(strata.ok("ps", "-a", "--no-trunc", "--filter", "name=created1", "--format", "{{.Command}}").out())
                .isEqualTo("\"echo a long command line that gets truncated\"\n");
        assertThat(strata.ok("ps", "-a", "--filter", "name=created1", "--format", "{{.Status}}|{{.State}}").out())
                .isEqualTo("Created|created\n");
    }

    private List<String> names(String... psArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("ps", "--format", "{{.Names}}"));
        args.addAll(List.of(psArgs));
        return strata.ok(args.toArray(String[]::new)).lines();
    }

    @Test
    void killSendsTheSignalGivenAndRefusesAStoppedContainer() throws Exception {
        strata.ok("run", "-d", "--name", "trapper", "busybox", "sh", "-c",
                "trap 'echo got hup' HUP; trap 'echo got usr2; exit 9' USR2; echo ready; while true; do sleep 0.1; done");
        eventually("the traps are set", () -> strata.ok("logs", "trapper").out().contains("ready"));

        assertThat(strata.ok("kill", "-s", "HUP", "trapper").out()).isEqualTo("trapper\n");
        eventually("HUP is handled", () -> strata.ok("logs", "trapper").out().contains("got hup"));
        assertThat(strata.ok("ps", "--format", "{{.Names}}").out()).isEqualTo("trapper\n");
        strata.ok("kill", "--signal", "SIGUSR2", "trapper");
        assertThat(strata.ok("wait", "trapper").out()).isEqualTo("9\n");
        assertThat(strata.ok("logs", "trapper").out()).isEqualTo("ready\ngot hup\ngot usr2\n");

        StrataRunner.Result stopped = strata.run("kill", "trapper");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).contains("is not running");
        String id = strata.ok("run", "-d", "busybox", "sleep", "100").out().strip();
        assertThat(strata.run("kill", "-s", "NOSUCH", id).err()).contains("Invalid signal: NOSUCH");
        strata.ok("kill", "-s", "9", id);
        assertThat(strata.ok("wait", id).out()).isEqualTo("137\n");
    }

    @Test
    void stopWithATimeoutKillsAProcessThatIgnoresTheSignal() {
        strata.ok("run", "-d", "--name", "stubborn", "busybox", "sleep", "100");
        assertThat(strata.ok("stop", "-t", "0", "stubborn").out()).isEqualTo("stubborn\n");
        JsonNode state = inspect(strata, "stubborn").get("State");
        assertThat(state.get("Status").asText()).isEqualTo("exited");
        assertThat(state.get("ExitCode").asInt()).isEqualTo(137);
        assertThat(strata.ok("ps", "-a", "--format", "{{.Status}}").out()).startsWith("Exited (137) ");
        // stopping a stopped container is no error, as in Docker
        assertThat(strata.ok("stop", "stubborn").out()).isEqualTo("stubborn\n");
    }

    @Test
    void psSizeShowsTheWritableLayerAndTheWholeRootFilesystem() {
        strata.ok("run", "--name", "writer", "busybox", "sh", "-c", "echo 0123456789 > /ten");

        String table = strata.ok("ps", "-a", "-s").out();
        long image = Long.parseLong(strata.ok("inspect", "-f", "{{.Size}}", "busybox").out().strip());

        assertThat(table.lines().findFirst().orElseThrow()).endsWith("SIZE");
        assertThat(table).contains("11B (virtual " + dev.strata.cli.format.Units.humanSize(image + 11) + ")");
    }

    @Test
    void stopWithASignalSendsThatSignalInsteadOfTheStopSignal() throws Exception {
        strata.ok("run", "-d", "--name", "trapper", "--stop-signal", "HUP", "busybox", "sh", "-c",
                "trap 'exit 3' HUP; trap 'exit 12' USR1; echo ready; while true; do sleep 0.1; done");
        eventually("the traps are set", () -> strata.ok("logs", "trapper").out().contains("ready"));

        assertThat(strata.ok("stop", "-s", "USR1", "-t", "30", "trapper").out()).isEqualTo("trapper\n");

        assertThat(inspect(strata, "trapper").get("State").get("ExitCode").asInt()).isEqualTo(12);
        assertThat(strata.run("stop", "-s", "NOSUCH", "trapper").err()).contains("Invalid signal: NOSUCH");
    }

    @Test
    void restartRunsTheContainerAgainWithANewProcess() throws Exception {
        strata.ok("run", "-d", "--name", "again", "busybox", "sh", "-c", "echo started; exec sleep 100");
        JsonNode before = inspect(strata, "again").get("State");

        assertThat(strata.ok("restart", "-t", "0", "again").out()).isEqualTo("again\n");

        JsonNode after = inspect(strata, "again").get("State");
        assertThat(after.get("Status").asText()).isEqualTo("running");
        assertThat(after.get("Pid").asInt()).isNotEqualTo(before.get("Pid").asInt()).isPositive();
        assertThat(after.get("StartedAt").asText()).isNotEqualTo(before.get("StartedAt").asText());
        assertThat(ProcessHandle.of(before.get("Pid").asLong())).isEmpty();
        eventually("the second run logs", () -> strata.ok("logs", "again").out().equals("started\nstarted\n"));
        // a stopped container restarts too
        strata.ok("stop", "-t", "0", "again");
        strata.ok("restart", "again");
        assertThat(inspect(strata, "again").get("State").get("Running").asBoolean()).isTrue();
    }

    @Test
    void pauseFreezesTheContainerAndExecWaitsForUnpause() {
        String id = strata.ok("run", "-d", "--name", "frozen", "busybox", "sleep", "100").out().strip();

        assertThat(strata.ok("pause", "frozen").out()).isEqualTo("frozen\n");

        JsonNode state = inspect(strata, "frozen").get("State");
        assertThat(state.get("Status").asText()).isEqualTo("paused");
        assertThat(state.get("Paused").asBoolean()).isTrue();
        assertThat(state.get("Running").asBoolean()).isTrue();
        assertThat(strata.ok("ps", "--format", "{{.Status}}").out()).matches("Up .* \\(Paused\\)\n");
        assertThat(strata.ok("ps", "--filter", "status=paused", "--format", "{{.Names}}").out()).isEqualTo("frozen\n");
        StrataRunner.Result exec = strata.run("exec", "frozen", "true");
        assertThat(exec.exitCode()).isNotZero();
        assertThat(exec.err()).contains("container " + id + " is paused, unpause the container before exec");
        assertThat(strata.run("pause", "frozen").err()).contains("is already paused");
        assertThat(strata.ok("top", "frozen").lines()).hasSize(2).last().asString().endsWith("sleep 100");

        assertThat(strata.ok("unpause", "frozen").out()).isEqualTo("frozen\n");
        assertThat(inspect(strata, "frozen").get("State").get("Status").asText()).isEqualTo("running");
        assertThat(strata.ok("exec", "frozen", "echo", "thawed").out()).isEqualTo("thawed\n");
        assertThat(strata.run("unpause", "frozen").err()).contains("is not paused");

        // a paused container can be removed by force
        strata.ok("pause", "frozen");
        assertThat(strata.ok("rm", "-f", "frozen").out()).isEqualTo("frozen\n");
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
    }

    @Test
    void rmRefusesARunningContainerAndForceKillsIt() throws Exception {
        strata.ok("run", "-d", "--name", "busy", "busybox", "sleep", "100");
        long pid = inspect(strata, "busy").get("State").get("Pid").asLong();

        StrataRunner.Result refused = strata.run("rm", "busy");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot remove container \"/busy\": container is running");
        assertThat(strata.ok("rm", "-f", "busy").out()).isEqualTo("busy\n");

        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        eventually("the process is gone", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(strata.run("inspect", "busy").exitCode()).isEqualTo(1);
    }

    @Test
    void rmWithVolumesRemovesOnlyAnonymousOnes() {
        strata.ok("create", "--name", "keeper", "-v", "/anon", "-v", "named:/named", "busybox");
        strata.ok("create", "--name", "cleaner", "-v", "/anon", "-v", "named2:/named", "busybox");
        assertThat(strata.ok("volume", "ls", "-q").lines()).hasSize(4);

        strata.ok("rm", "keeper");
        assertThat(strata.ok("volume", "ls", "-q").lines()).hasSize(4);
        strata.ok("rm", "-v", "cleaner");

        List<String> left = strata.ok("volume", "ls", "-q").lines();
        assertThat(left).hasSize(3).contains("named", "named2");
    }

    @Test
    void logsFollowTailAndTimestamps() {
        strata.ok("run", "-d", "--name", "talker", "busybox", "sh", "-c",
                "for i in 1 2 3; do echo out $i; echo err $i >&2; sleep 0.3; done; echo done");

        StrataRunner.Result followed = strata.ok("logs", "-f", "talker");

        assertThat(followed.out()).isEqualTo("out 1\nout 2\nout 3\ndone\n");
        assertThat(followed.err()).isEqualTo("err 1\nerr 2\nerr 3\n");
        assertThat(inspect(strata, "talker").get("State").get("Running").asBoolean()).isFalse();
        // the tail counts lines of both streams, as they were written
        StrataRunner.Result tail = strata.ok("logs", "--tail", "2", "talker");
        assertThat(tail.out()).isEqualTo("done\n");
        assertThat(tail.err()).isEqualTo("err 3\n");
        assertThat(strata.ok("logs", "-n", "0", "talker").out()).isEmpty();
        assertThat(strata.ok("logs", "--tail", "all", "talker").lines()).hasSize(4);
        assertThat(strata.ok("logs", "-t", "talker").lines()).hasSize(4)
                .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (out \\d|done)"));
        assertThat(strata.run("logs", "--tail", "x", "talker").err()).contains("invalid value for \"tail\"");
    }

    @Test
    void waitPrintsEachExitCode() {
        strata.ok("run", "-d", "--name", "one", "busybox", "sh", "-c", "sleep 0.3; exit 42");
        strata.ok("run", "-d", "--name", "two", "busybox", "sh", "-c", "exit 0");

        assertThat(strata.ok("wait", "one", "two").out()).isEqualTo("42\n0\n");
        assertThat(strata.ok("container", "wait", "one").out()).isEqualTo("42\n");
        // a container that could not start is waited for no longer: its code is the failure's
        assertThat(strata.run("run", "-d", "--name", "unstartable", "busybox", "nosuchcommand").exitCode()).isEqualTo(127);
        assertThat(strata.ok("wait", "unstartable").out()).isEqualTo("127\n");
        StrataRunner.Result missing = strata.run("wait", "nosuch");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("No such container: nosuch");
    }

    @Test
    void attachWithStdinToAnInteractiveContainer() {
        strata.ok("run", "-d", "-i", "--name", "reader", "busybox", "sh", "-c", "read line; echo got $line; exit 5");

        StrataRunner.Result attached = strata.runWithInput("hello\n".getBytes(StandardCharsets.UTF_8), "attach", "reader");

        assertThat(attached.out()).isEqualTo("got hello\n");
        assertThat(attached.exitCode()).isEqualTo(5);
        assertThat(strata.run("attach", "reader").err()).contains("You cannot attach to a stopped container");
    }

    @Test
    void attachFollowsTheOutputOfAContainerWithoutStdinUntilItEnds() throws Exception {
        strata.ok("run", "-d", "--name", "ticker", "busybox", "sh", "-c",
                "while [ ! -e /stop ]; do echo tick; sleep 0.1; done; echo bye >&2; exit 5");
        ByteArrayOutputStream seen = new ByteArrayOutputStream();

        CompletableFuture<StrataRunner.Result> attach = CompletableFuture.supplyAsync(() ->
                strata.runWatched(new ByteArrayInputStream(new byte[0]), seen, "attach", "ticker"));
        eventually("attach shows output", () -> seen.toString(StandardCharsets.UTF_8).contains("tick\n"));
        strata.ok("exec", "ticker", "touch", "/stop");

        StrataRunner.Result attached = attach.get(60, TimeUnit.SECONDS);
        assertThat(attached.exitCode()).isEqualTo(5);
        assertThat(attached.out()).matches("(tick\n)+");
        assertThat(attached.err()).isEqualTo("bye\n");
    }
}
