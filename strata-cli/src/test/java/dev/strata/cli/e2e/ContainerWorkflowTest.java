package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The seeds' container walkthroughs, with a BusyBox image standing in for tomcat and ubuntu: real runc and conmon. */
@Tag("root")
class ContainerWorkflowTest extends ContainerTestCase {

    @Test
    void runShowsBothStreamsAndExitsWithTheContainersCode() {
        StrataRunner.Result r = strata.run("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("out\n");
        assertThat(r.err()).isEqualTo("err\n");
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
    }

    @Test
    void tomcatWalkthroughServesCopiesCommitsAndRunsTheNewImage() throws Exception {
        strata.ok("run", "--name", "build", "busybox", "sh", "-c",
                "mkdir -p /usr/local/tomcat/webapps /usr/local/tomcat/webapps.dist/ROOT"
                        + " && echo '<h1>hello</h1>' > /usr/local/tomcat/webapps.dist/ROOT/index.html");
        strata.ok("commit", "build", "tomcat:9");
        int port = freePort();

        strata.ok("run", "-d", "--name", "tomcat01", "-w", "/usr/local/tomcat", "-p", "127.0.0.1:" + port + ":8080",
                "tomcat:9", "httpd", "-f", "-p", "8080", "-h", "/usr/local/tomcat/webapps");
        assertThat(fetch(port, "/ROOT/index.html")).isEqualTo(404);
        strata.ok("exec", "tomcat01", "sh", "-c", "cp -r webapps.dist/* webapps");
        assertThat(fetch(port, "/ROOT/index.html")).isEqualTo(200);
        assertThat(strata.ok("ps").out()).contains("127.0.0.1:" + port + "->8080/tcp").contains("tomcat01");
        strata.ok("commit", "-a", "kuangshen", "-m", "add webapps app", "tomcat01", "tomcat02:1.0");

        assertThat(strata.ok("history", "tomcat02:1.0").lines().get(1)).contains("add webapps app");
        assertThat(strata.ok("inspect", "-f", "{{.Author}}", "tomcat02:1.0").out()).isEqualTo("kuangshen\n");
        assertThat(strata.ok("run", "--rm", "tomcat02:1.0", "cat", "/usr/local/tomcat/webapps/ROOT/index.html").out())
                .isEqualTo("<h1>hello</h1>\n");
        assertThat(strata.ok("run", "--rm", "tomcat:9", "ls", "/usr/local/tomcat/webapps").out()).isEmpty();
    }

    @Test
    void aRmContainerSurvivesARestartAndLeavesNothingWhenItEnds() throws Exception {
        String id = strata.ok("run", "-d", "--rm", "--network", "none", "busybox", "sleep", "100").out().strip();
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo")))
                .as("a --rm container's overlay never syncs (volatile)")
                .anyMatch(line -> line.contains(id + "/merged") && line.contains("volatile"));

        strata.ok("restart", "-t", "1", id); // Docker restarts a --rm container, and mounts its upper dir again

        assertThat(strata.ok("exec", id, "echo", "alive").out()).isEqualTo("alive\n");
        strata.ok("stop", "-t", "1", id);
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        try (var left = Files.list(strata.root().resolve("containers"))) {
            assertThat(left).as("container directories").isEmpty();
        }
        try (var left = Files.list(strata.root().resolve("runtime/runc"))) {
            assertThat(left).as("containers runc still knows").isEmpty();
        }
    }

    @Test
    void aDeletedBaseFileIsGoneInTheCommittedImageAndStaysInTheBase() {
        strata.ok("run", "--name", "deleter", "busybox", "rm", "/bin/cat");

        assertThat(strata.ok("diff", "deleter").lines()).containsExactly("C /bin", "D /bin/cat");
        strata.ok("commit", "deleter", "busybox:nocat");
        assertThat(strata.run("run", "--rm", "busybox:nocat", "ls", "/bin/cat").exitCode()).isEqualTo(1);
        assertThat(strata.ok("run", "--rm", "busybox", "ls", "/bin/cat").out()).isEqualTo("/bin/cat\n");
    }

    @Test
    void bindAndNamedVolumesOutliveTheirContainer() throws Exception {
        Path host = Files.createDirectory(dir.resolve("host"));
        strata.ok("run", "--name", "writer", "-v", host + ":/data", "-v", "vol1:/named", "busybox", "sh", "-c",
                "echo bound > /data/file && echo named > /named/file");
        strata.ok("rm", "writer");

        assertThat(host.resolve("file")).hasContent("bound");
        assertThat(strata.ok("volume", "ls", "-q").lines()).contains("vol1");
        assertThat(strata.ok("run", "--rm", "-v", "vol1:/again", "busybox", "cat", "/again/file").out()).isEqualTo("named\n");
        assertThat(strata.run("run", "--rm", "-v", host + ":/ro:ro", "busybox", "sh", "-c", "touch /ro/x").exitCode())
                .isNotZero();
    }

    @Test
    void execIntoARunningContainerAndPsLatest() {
        String id = strata.ok("run", "-d", "busybox", "sleep", "100").out().strip();

        assertThat(strata.ok("ps", "-l", "-q").out().strip()).isEqualTo(id.substring(0, 12));
        assertThat(strata.ok("exec", "-e", "GREETING=hi", id, "sh", "-c", "echo $GREETING from $(hostname)").out())
                .isEqualTo("hi from " + id.substring(0, 12) + "\n");
        assertThat(strata.run("exec", id, "sh", "-c", "exit 4").exitCode()).isEqualTo(4);
        strata.ok("kill", id);
        assertThat(strata.ok("wait", id).out()).isEqualTo("137\n");
        assertThat(strata.ok("ps", "-a", "--format", "{{.Status}}").out()).startsWith("Exited (137)");
    }

    @Test
    void stoppedContainersRestartWithTheirChangesAndLogsKeepEveryRun() {
        strata.ok("run", "--name", "counter", "busybox", "sh", "-c", "echo run >> /count; cat /count");
        strata.ok("start", "counter");
        strata.ok("wait", "counter");

        assertThat(strata.ok("logs", "counter").out()).isEqualTo("run\nrun\nrun\n");
        assertThat(strata.ok("logs", "--tail", "1", "counter").out()).isEqualTo("run\n");
    }

    @Test
    void badInputGetsDockersErrorsAndLeavesNothing() throws Exception {
        StrataRunner.Result unknown = strata.run("run", "nosuch:image");
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.err()).contains("nosuch:image");

        StrataRunner.Result notFound = strata.run("run", "--name", "missing", "busybox", "nosuchcommand");
        assertThat(notFound.exitCode()).isEqualTo(127);
        assertThat(notFound.err()).contains("nosuchcommand");

        strata.ok("create", "--name", "taken", "busybox");
        assertThat(strata.run("create", "--name", "taken", "busybox").err()).contains("is already in use");

        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StrataRunner.Result inUse = strata.run("run", "-d", "-p", "127.0.0.1:" + busy.getLocalPort() + ":80",
                    "busybox", "sleep", "5");
            assertThat(inUse.exitCode()).isEqualTo(125);
            assertThat(inUse.err()).contains("already allocated");
        }
        assertThat(strata.run("rm", "nosuch").err()).contains("No such container: nosuch");
        assertThat(strata.run("rmi", "busybox").err()).contains("container").contains("is using its referenced image");
    }

    private static int fetch(int port, String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
