package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code volume} verbs end to end through the CLI: create, ls, inspect, rm, prune, with Docker's output. */
class VolumeWorkflowTest {
    @TempDir
    Path dir;

    StrataRunner strata;

    @BeforeEach
    void setUp() {
        strata = new StrataRunner(dir.resolve("root"));
    }

    @Test
    void createPrintsTheNameAndLsListsDriverAndName() {
        assertThat(strata.ok("volume", "create", "vol10").out()).isEqualTo("vol10\n");
        assertThat(strata.ok("volume", "create", "--label", "tier=db", "--name", "vol2").out()).isEqualTo("vol2\n");
        String anonymous = strata.ok("volume", "create").out().strip();
        assertThat(anonymous).matches("[0-9a-f]{64}");

        var ls = strata.ok("volume", "ls");
        assertThat(ls.lines()).containsExactly(
                "DRIVER    VOLUME NAME",
                "local     " + anonymous,
                "local     vol2",
                "local     vol10");
        assertThat(strata.ok("volume", "ls", "-q").out()).isEqualTo(anonymous + "\nvol2\nvol10\n");
        assertThat(strata.ok("volume", "list", "--filter", "label=tier", "--format", "{{.Name}} {{.Labels}} {{.Label \"tier\"}}")
                .out()).isEqualTo("vol2 tier=db db\n");
        assertThat(strata.ok("volume", "ls", "-f", "name=vol1", "--format", "table {{.Name}}\t{{.Mountpoint}}").lines())
                .containsExactly("VOLUME NAME   MOUNTPOINT",
                        "vol10         " + strata.root().resolve("volumes/vol10/_data"));
        assertThat(strata.ok("volume", "ls", "-f", "name=vol2", "--format", "json").out()).isEqualTo(
                "{\"Availability\":\"N/A\",\"Driver\":\"local\",\"Group\":\"N/A\",\"Labels\":\"tier=db\",\"Links\":\"N/A\","
                        + "\"Mountpoint\":\"" + strata.root().resolve("volumes/vol2/_data") + "\",\"Name\":\"vol2\","
                        + "\"Scope\":\"local\",\"Size\":\"N/A\",\"Status\":\"N/A\"}\n");
        // the same name again is the same volume, as in Docker
        assertThat(strata.ok("volume", "create", "vol2").out()).isEqualTo("vol2\n");
    }

    @Test
    void inspectPrintsDockersJson() throws Exception {
        strata.ok("volume", "create", "--label", "a=1", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", "data");

        var result = strata.ok("volume", "inspect", "data");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.isArray()).isTrue();
        JsonNode v = json.get(0);
        assertThat(v.fieldNames()).toIterable()
                .containsExactly("CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope");
        assertThat(v.get("CreatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
        assertThat(v.get("Driver").asText()).isEqualTo("local");
        assertThat(v.get("Labels").get("a").asText()).isEqualTo("1");
        assertThat(v.get("Mountpoint").asText()).isEqualTo(strata.root().resolve("volumes/data/_data").toString());
        assertThat(v.get("Name").asText()).isEqualTo("data");
        assertThat(v.get("Options").get("o").asText()).isEqualTo("size=1m");
        assertThat(v.get("Scope").asText()).isEqualTo("local");
        assertThat(result.out()).startsWith("[\n    {\n        \"CreatedAt\": ");
        assertThat(Path.of(v.get("Mountpoint").asText())).isDirectory();

        assertThat(strata.ok("volume", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Scope}}", "data").out())
                .isEqualTo("data local local\n");
    }

    @Test
    void inspectOfAMissingVolumePrintsWhatItFoundAndFails() {
        strata.ok("volume", "create", "here");
        var result = strata.run("volume", "inspect", "--format", "{{.Name}}", "here", "nowhere");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("here\n");
        assertThat(result.err()).isEqualTo("Error: cannot inspect volume nowhere: no such volume\n");
    }

    @Test
    void rmRemovesEachAndReportsFailures() {
        strata.ok("volume", "create", "one");
        strata.ok("volume", "create", "two");
        Path data = strata.root().resolve("volumes/two/_data");

        var result = strata.run("volume", "rm", "one", "ghost", "two");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("one\ntwo\n");
        assertThat(result.err()).isEqualTo("Error: cannot remove volume ghost: no such volume\n");
        assertThat(data).doesNotExist();
        assertThat(strata.ok("volume", "ls", "-q").out()).isEmpty();
        // -f makes a missing volume no error
        assertThat(strata.ok("volume", "rm", "-f", "ghost").out()).isEqualTo("ghost\n");
    }

    @Test
    void pruneAsksThenRemovesAnonymousVolumesOnly() throws Exception {
        strata.ok("volume", "create", "named");
        String anonymous = strata.ok("volume", "create").out().strip();
        Files.write(strata.root().resolve("volumes/" + anonymous + "/_data/blob"), new byte[2048]);

        var declined = strata.runWithInput("n\n".getBytes(StandardCharsets.UTF_8), "volume", "prune");
        assertThat(declined.exitCode()).isZero();
        assertThat(declined.out()).isEqualTo("WARNING! This will remove anonymous local volumes not used by at least one "
                + "container.\nAre you sure you want to continue? [y/N] ");
        assertThat(strata.ok("volume", "ls", "-q").lines()).hasSize(2);

        var pruned = strata.runWithInput("y\n".getBytes(StandardCharsets.UTF_8), "volume", "prune");
        assertThat(pruned.out()).endsWith("[y/N] Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 2.048kB\n");
        assertThat(strata.ok("volume", "ls", "-q").out()).isEqualTo("named\n");

        assertThat(strata.ok("volume", "prune", "-f").out()).isEqualTo("Total reclaimed space: 0B\n");
        var all = strata.runWithInput("y\n".getBytes(StandardCharsets.UTF_8), "volume", "prune", "-a");
        assertThat(all.out()).startsWith("WARNING! This will remove all local volumes not used by at least one container.\n")
                .endsWith("Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n");
    }

    @Test
    void pruneWithFilters() {
        strata.ok("volume", "create", "--label", "keep", "kept");
        strata.ok("volume", "create", "temp");
        assertThat(strata.ok("volume", "prune", "-f", "-a", "--filter", "label!=keep").out())
                .isEqualTo("Deleted Volumes:\ntemp\n\nTotal reclaimed space: 0B\n");
        var conflict = strata.run("volume", "prune", "-f", "-a", "--filter", "all=true");
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.err()).isEqualTo("Error: conflicting options: cannot specify both --all and --filter all=1\n");
    }

    @Test
    void badInputFailsWithDockersReasons() {
        var shortName = strata.run("volume", "create", "x");
        assertThat(shortName.exitCode()).isEqualTo(1);
        assertThat(shortName.err()).isEqualTo("Error: cannot create volume x: volume name is too short, names should be "
                + "at least two alphanumeric characters\n");
        assertThat(strata.run("volume", "create", "--label", "=v", "ok").err()).isEqualTo("Error: invalid label '=v': empty name\n");
        assertThat(strata.run("volume", "create", "-d", "nfs", "ok").err())
                .isEqualTo("Error: cannot create volume ok: error looking up volume plugin nfs: plugin \"nfs\" not found\n");
        assertThat(strata.run("volume", "ls", "--filter", "color=red").err()).isEqualTo("Error: invalid filter 'color'\n");
        assertThat(strata.run("volume", "create", "--name", "a1", "a2").err()).isEqualTo(
                "Error: conflicting options: cannot specify a volume-name through both --name and as a positional arg\n");
        assertThat(strata.run("volume", "rm").exitCode()).isEqualTo(125);
    }
}
