package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code build} end to end, on a BusyBox base: the seeds' Dockerfiles, the output, history, the cache, failures. */
@Tag("root")
class BuildTest extends ContainerTestCase {
    private Path context(String dockerfile, Map<String, String> files) throws IOException {
        Path ctx = Files.createDirectories(dir.resolve("ctx-" + System.nanoTime()));
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        for (var e : files.entrySet()) {
            Path f = ctx.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return ctx;
    }

    private JsonNode inspect(String image) {
        return Json.tree(strata.ok("image", "inspect", image).out().getBytes(StandardCharsets.UTF_8), "inspect").get(0);
    }

    @Test
    void theSeedsCentosDockerfileBuildsWithDashFAndRunsItsLastCmd() throws Exception {
        // the notes' "docker-file", its base swapped for busybox and yum for shell commands
        Path ctx = context("", Map.of());
        Files.writeString(ctx.resolve("docker-file"), """
                FROM busybox
                MAINTAINER zhaojingchao<andre215000@163.com>
                ENV MYPATH /usr/local
                WORKDIR $MYPATH

                RUN echo vim > /installed
                RUN echo net-tools >> /installed

                EXPOSE 80

                CMD echo $MYPATH
                CMD echo "the centOS image have been built..."
                CMD echo /bin/bash
                """);
        var build = strata.ok("build", "-f", ctx.resolve("docker-file").toString(), "-t", "andre-centos:1.0", ctx.toString());
        assertThat(build.lines()).contains("Step 1/10 : FROM busybox", "Step 5/10 : RUN echo vim > /installed",
                "Successfully tagged andre-centos:1.0");
        assertThat(build.out()).containsPattern("(?m)^ ---> Running in [0-9a-f]{12}$")
                .containsPattern("(?m)^Successfully built [0-9a-f]{12}$");
        assertThat(strata.ok("images", "andre-centos").out()).contains("andre-centos").contains("1.0");
        assertThat(strata.ok("run", "--rm", "andre-centos:1.0").out()).isEqualTo("/bin/bash\n");
        assertThat(strata.ok("run", "--rm", "andre-centos:1.0", "sh", "-c", "pwd; cat /installed").out())
                .isEqualTo("/usr/local\nvim\nnet-tools\n");
        JsonNode image = inspect("andre-centos:1.0");
        assertThat(image.path("Author").asText()).isEqualTo("zhaojingchao<andre215000@163.com>");
        assertThat(image.path("Config").path("Env").toString()).contains("MYPATH=/usr/local");
        assertThat(image.path("Config").path("ExposedPorts").has("80/tcp")).isTrue();
        assertThat(image.path("Config").path("Cmd").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"echo /bin/bash\"]");
    }

    @Test
    void historyReadsLikeDockersClassicBuilder() throws Exception {
        Path ctx = context("""
                FROM busybox
                LABEL maintainer="chumoshi"
                RUN echo hi > /f
                COPY hello.txt /opt/
                COPY site /srv/site
                EXPOSE 80
                CMD ["sh"]
                """, Map.of("hello.txt", "hello\n", "site/index.html", "<h1>hi</h1>\n"));
        strata.ok("build", "-t", "demo", ctx.toString());
        List<String> createdBy = strata.ok("history", "--no-trunc", "--format", "{{.CreatedBy}}", "demo").lines();
        assertThat(createdBy.subList(0, 6)).containsExactly(
                "/bin/sh -c #(nop)  CMD [\"sh\"]",
                "/bin/sh -c #(nop)  EXPOSE 80",
                createdBy.get(2),
                createdBy.get(3),
                "/bin/sh -c echo hi > /f",
                "/bin/sh -c #(nop)  LABEL maintainer=chumoshi");
        assertThat(createdBy.get(2)).matches("/bin/sh -c #\\(nop\\) COPY dir:[0-9a-f]{64} in /srv/site ");
        assertThat(createdBy.get(3)).matches("/bin/sh -c #\\(nop\\) COPY file:[0-9a-f]{64} in /opt/ ");
        List<String> sizes = strata.ok("history", "--format", "{{.Size}}", "demo").lines();
        assertThat(sizes.subList(0, 2)).containsOnly("0B");
        assertThat(sizes.get(4)).isNotEqualTo("0B");
        assertThat(strata.ok("run", "--rm", "demo", "cat", "/opt/hello.txt", "/srv/site/index.html").out())
                .isEqualTo("hello\n<h1>hi</h1>\n");
    }

    @Test
    void aRebuildUsesTheCacheAndAnEditRebuildsFromItsStep() throws Exception {
        Path ctx = context("""
                FROM busybox
                RUN echo first > /first
                COPY a.txt /a.txt
                RUN cat /a.txt > /copy
                """, Map.of("a.txt", "one\n"));
        String first = strata.ok("build", "-q", ctx.toString()).out().strip();
        var again = strata.ok("build", ctx.toString());
        assertThat(again.out().split(" ---> Using cache", -1)).hasSize(4); // steps 2, 3 and 4
        assertThat(again.out()).doesNotContain("Running in").contains("Successfully built " + first.substring(7, 19));

        Files.setLastModifiedTime(ctx.resolve("a.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(strata.ok("build", "-q", ctx.toString()).out().strip()).as("touched, not changed").isEqualTo(first);

        Files.writeString(ctx.resolve("a.txt"), "two\n");
        var edited = strata.ok("build", ctx.toString());
        assertThat(edited.out().split(" ---> Using cache", -1)).as("only step 2 cached").hasSize(2);
        assertThat(edited.out()).contains("Running in");
        assertThat(edited.out()).doesNotContain("Successfully built " + first.substring(7, 19));

        var noCache = strata.ok("build", "--no-cache", ctx.toString());
        assertThat(noCache.out()).doesNotContain("Using cache");
    }

    @Test
    void aFailingRunNamesItsCommandKeepsEarlierStepsAndLeavesNothingBehind() throws Exception {
        Path ctx = context("""
                FROM busybox
                RUN echo kept > /kept
                RUN echo about to fail; exit 3
                RUN echo never
                """, Map.of());
        strata.ok("tag", "busybox", "target:1");
        String before = strata.ok("images", "-q", "--no-trunc", "target:1").out();
        var failed = strata.run("build", "-t", "target:1", ctx.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("The command '/bin/sh -c echo about to fail; exit 3' returned a non-zero code: 3\n");
        assertThat(failed.out()).contains("about to fail").doesNotContain("never");
        assertThat(strata.ok("images", "-q", "--no-trunc", "target:1").out()).as("the tag did not move").isEqualTo(before);
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        // the step before the failure is an image of its own, usable for debugging, and a cache hit next time
        String kept = failed.lines().stream().filter(l -> l.matches(" ---> [0-9a-f]{12}")).toList().getLast().substring(6);
        assertThat(strata.ok("run", "--rm", kept, "cat", "/kept").out()).isEqualTo("kept\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM busybox\nRUN echo kept > /kept\nRUN true\n");
        assertThat(strata.ok("build", ctx.toString()).out()).contains(" ---> Using cache\n ---> " + kept);
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() throws Exception {
        Path ctx = context("FROM busybox\nRUNN echo\n", Map.of());
        var r = strata.run("build", ctx.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Dockerfile:2: unknown instruction: RUNN (did you mean RUN?)\n");
        var missing = strata.run("build", "-t", "x", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("unable to prepare context: path").contains("not found");
        var mount = strata.run("build", context("FROM busybox\nRUN --mount=type=cache,target=/c true\n", Map.of()).toString());
        assertThat(mount.exitCode()).isEqualTo(1);
        assertThat(mount.err()).startsWith("Error: Dockerfile:2: the --mount option requires BuildKit");
        var noBase = strata.run("build", context("FROM 127.0.0.1:1/nosuch:1\nRUN true\n", Map.of()).toString());
        assertThat(noBase.exitCode()).isEqualTo(1);
        assertThat(noBase.err()).contains("nosuch:1");
    }

    @Test
    void multiStageCopiesFromAnEarlierStageAndTargetStopsEarly() throws Exception {
        Path ctx = context("""
                ARG BASE=busybox
                FROM $BASE AS builder
                ARG GREETING=hello
                RUN mkdir /out && echo "$GREETING from builder" > /out/msg
                FROM busybox AS unused
                RUN echo this stage is never built
                FROM busybox
                COPY --from=builder /out/msg /msg
                CMD ["cat", "/msg"]
                """, Map.of());
        var build = strata.ok("build", "--build-arg", "GREETING=bonjour", "-t", "multi", ctx.toString());
        assertThat(build.out()).doesNotContain("never built");
        assertThat(strata.ok("run", "--rm", "multi").out()).isEqualTo("bonjour from builder\n");
        var target = strata.ok("build", "--target", "builder", "-t", "just-builder", ctx.toString());
        assertThat(target.out()).contains("Step 3/3").doesNotContain("COPY");
        assertThat(strata.ok("run", "--rm", "just-builder", "cat", "/out/msg").out()).isEqualTo("hello from builder\n");
        var unknown = strata.run("build", "--target", "nope", ctx.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("target stage").contains("nope");
    }

    @Test
    void dockerignoreKeepsFilesOutOfTheContext() throws Exception {
        Path ctx = context("FROM busybox\nCOPY . /app/\n", Map.of(".dockerignore", "secret*\n*.log\n!keep.log\n",
                "secret.txt", "s", "app.txt", "a", "debug.log", "d", "keep.log", "k"));
        strata.ok("build", "-t", "ignored", ctx.toString());
        assertThat(strata.ok("run", "--rm", "ignored", "ls", "/app").out().lines().toList())
                .contains("app.txt", "keep.log").doesNotContain("secret.txt", "debug.log");
        var r = strata.run("build", context("FROM busybox\nCOPY secret.txt /\n", Map.of(".dockerignore", "secret.txt",
                "secret.txt", "s")).toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("secret.txt");
    }

    @Test
    void sourceDateEpochMakesTheSameImageOnAnotherRoot() throws Exception {
        Path ctx = context("""
                FROM busybox
                ENV A=1
                RUN echo made > /made
                COPY f /f
                """, Map.of("f", "content\n"));
        String one = strata.ok("build", "-q", "--source-date-epoch", "1700000000", ctx.toString()).out().strip();
        StrataRunner other = new StrataRunner(dir.resolve("other-root"));
        Path base = dir.resolve("busybox-saved.tar");
        strata.ok("save", "-o", base.toString(), "busybox");
        other.ok("load", "-i", base.toString()); // the same base image: an import would be dated now
        try {
            String two = other.withEnv(Map.of("SOURCE_DATE_EPOCH", "1700000000")).ok("build", "-q", ctx.toString())
                    .out().strip();
            assertThat(two).isEqualTo(one);
        } finally {
            ContainerTests.removeAllAndCheckNothingIsLeft(other, dir);
        }
        assertThat(strata.ok("build", "-q", ctx.toString()).out().strip()).as("without the epoch").isNotEqualTo(one);
    }

    @Test
    void onbuildTriggersRunInTheChildBuild() throws Exception {
        Path parent = context("FROM busybox\nONBUILD RUN echo triggered > /trigger\n", Map.of());
        strata.ok("build", "-t", "parent-image", parent.toString());
        var child = strata.ok("build", "-t", "child-image", context("FROM parent-image\nCMD [\"cat\", \"/trigger\"]\n",
                Map.of()).toString());
        assertThat(child.out()).contains("# Executing 1 build trigger");
        assertThat(strata.ok("run", "--rm", "child-image").out()).isEqualTo("triggered\n");
        assertThat(inspect("child-image").path("Config").path("OnBuild").isMissingNode()
                || inspect("child-image").path("Config").path("OnBuild").isNull()
                || inspect("child-image").path("Config").path("OnBuild").isEmpty()).isTrue();
    }

    @Test
    void aTarOnStdinIsAContextAndLabelsAndIidfileApply() throws Exception {
        Path ctx = context("FROM busybox\nCOPY x /x\n", Map.of("x", "from a tar\n"));
        byte[] tar = new ProcessBuilder("tar", "-C", ctx.toString(), "-cf", "-", ".").start().getInputStream().readAllBytes();
        Path iid = dir.resolve("iid");
        var r = strata.runWithInput(tar, "build", "--label", "team=core", "--iidfile", iid.toString(), "-t", "fromtar", "-");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(iid)).startsWith("sha256:");
        assertThat(inspect("fromtar").path("Config").path("Labels").path("team").asText()).isEqualTo("core");
        assertThat(strata.ok("run", "--rm", "fromtar", "cat", "/x").out()).isEqualTo("from a tar\n");
    }

    @Test
    void addUnpacksLocalArchivesAndDownloadsUrls() throws Exception {
        Path ctx = context("", Map.of("payload/app/run.sh", "echo app\n", "payload/app/conf/a.conf", "a=1\n",
                "plain.txt", "not an archive\n"));
        Process tar = new ProcessBuilder("tar", "-C", ctx.resolve("payload").toString(), "-czf",
                ctx.resolve("app.tar.gz").toString(), "app").start();
        assertThat(tar.waitFor()).isZero();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/files/tool.bin", exchange -> {
            byte[] body = "downloaded\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/tool.bin";
            Files.writeString(ctx.resolve("Dockerfile"), "FROM busybox\nADD app.tar.gz /srv/\nADD plain.txt /plain.txt\n"
                    + "ADD " + url + " /opt/\n");
            strata.ok("build", "-t", "added", ctx.toString());
            assertThat(strata.ok("run", "--rm", "added", "sh", "-c",
                    "cat /srv/app/run.sh /srv/app/conf/a.conf /plain.txt /opt/tool.bin; stat -c %a /opt/tool.bin; "
                            + "date -u -r /opt/tool.bin +%Y").out())
                    .isEqualTo("echo app\na=1\nnot an archive\ndownloaded\n600\n2015\n");
            var missing = strata.run("build", context("FROM busybox\nADD " + url.replace("tool.bin", "nope") + " /x\n",
                    Map.of()).toString());
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).contains("404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void builderPruneEmptiesTheCacheAndImagePruneDropsEntriesOfRemovedImages() throws Exception {
        Path ctx = context("FROM busybox\nENV A=1\nRUN echo x > /x\n", Map.of());
        strata.ok("build", "-t", "cached", ctx.toString());
        Path entries = strata.root().resolve("cache/build");
        long recorded;
        try (var files = Files.list(entries)) {
            recorded = files.count();
        }
        assertThat(recorded).isEqualTo(2);
        assertThat(strata.ok("build", ctx.toString()).out()).contains("Using cache");

        strata.ok("rmi", "cached"); // deletes the intermediate images too, as Docker does
        strata.ok("image", "prune", "-f");
        try (var files = Files.list(entries)) {
            assertThat(files.count()).as("entries whose images are gone").isZero();
        }

        strata.ok("build", "-t", "cached", ctx.toString());
        var pruned = strata.ok("builder", "prune", "-a", "-f");
        assertThat(pruned.out()).startsWith("Deleted build cache objects:\n").contains("Total reclaimed space:");
        assertThat(strata.ok("build", ctx.toString()).out()).doesNotContain("Using cache");
    }

    @Test
    void squashMergesTheBuildsLayersIntoOneOnTopOfTheBase() throws Exception {
        Path ctx = context("""
                FROM busybox
                RUN echo a > /a && mkdir /d && echo 1 > /d/one && rm /bin/cat
                RUN echo b > /b && rm -r /d && mkdir /d && echo 2 > /d/two
                ENV SQUASHED=yes
                RUN rm /a
                """, Map.of());
        String plain = strata.ok("build", "-q", ctx.toString()).out().strip();
        String squashed = strata.ok("build", "-q", "--squash", "-t", "squashed", ctx.toString()).out().strip();
        assertThat(squashed).isNotEqualTo(plain);
        int baseLayers = inspect("busybox").path("RootFS").path("Layers").size();
        assertThat(inspect("squashed").path("RootFS").path("Layers").size()).isEqualTo(baseLayers + 1);
        assertThat(inspect(plain).path("RootFS").path("Layers").size()).isEqualTo(baseLayers + 3);
        assertThat(strata.ok("run", "--rm", "squashed", "sh", "-c",
                "ls /a /bin/cat 2>&1 | wc -l; cat /b; ls /d; echo $SQUASHED").out())
                .isEqualTo("2\nb\ntwo\nyes\n");
        assertThat(strata.ok("history", "--no-trunc", "--format", "{{.Comment}}", "squashed").out())
                .contains("merge " + plain + " to ");
    }

    @Test
    void heredocsRunAsShellTextOrScriptsAndCopyAsFiles() throws Exception {
        Path ctx = context("""
                FROM busybox
                RUN <<EOF
                echo first > /one
                echo second >> /one
                EOF
                RUN <<EOF
                #!/bin/sh
                echo "run as $0" > /two
                EOF
                COPY <<conf.txt /etc/app/
                name=demo
                conf.txt
                """, Map.of());
        strata.ok("build", "-t", "heredocs", ctx.toString());
        assertThat(strata.ok("run", "--rm", "heredocs", "cat", "/one", "/etc/app/conf.txt").out())
                .isEqualTo("first\nsecond\nname=demo\n");
        assertThat(strata.ok("run", "--rm", "heredocs", "cat", "/two").out()).startsWith("run as /dev/pipes/");
    }

    @Test
    void twoBuildsAtOnceOnOneStoreBothSucceed() throws Exception {
        Path a = context("FROM busybox\nRUN echo a > /a\nCOPY f /f\n", Map.of("f", "a"));
        Path b = context("FROM busybox\nRUN echo a > /a\nCOPY f /f\n", Map.of("f", "b"));
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> strata.run("build", "-t", "para:a", a.toString()));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> strata.run("build", "-t", "para:b", b.toString()));
        assertThat(first.get().exitCode()).as(first.get().err()).isZero();
        assertThat(second.get().exitCode()).as(second.get().err()).isZero();
        assertThat(strata.ok("run", "--rm", "para:a", "cat", "/a", "/f").out()).isEqualTo("a\na");
        assertThat(strata.ok("run", "--rm", "para:b", "cat", "/a", "/f").out()).isEqualTo("a\nb");
        strata.ok("tag", "para:a", "source-image");
        strata.ok("build", "-t", "from-image", context("FROM busybox\nCOPY --from=source-image /f /copied\n",
                Map.of()).toString());
        assertThat(strata.ok("run", "--rm", "from-image", "cat", "/copied").out()).isEqualTo("a");
    }

    @Test
    void aGitRepositoryWithRefAndSubdirIsAContextAndDashFReadsStdin() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve("app/Dockerfile"), "FROM busybox\nCOPY msg /msg\n");
        Files.writeString(repo.resolve("app/msg"), "from git\n");
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", ".");
        git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "one");
        git(repo, "tag", "v1");
        Files.writeString(repo.resolve("app/msg"), "changed later\n");
        git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-am", "two");
        strata.ok("build", "-t", "from-git", repo + "#v1:app");
        assertThat(strata.ok("run", "--rm", "from-git", "cat", "/msg").out()).isEqualTo("from git\n");

        Path ctx = context("", Map.of("msg", "stdin dockerfile\n"));
        var r = strata.runWithInput("FROM busybox\nCOPY msg /msg\n".getBytes(StandardCharsets.UTF_8), "build", "-f", "-",
                "-t", "from-stdin", ctx.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(strata.ok("run", "--rm", "from-stdin", "cat", "/msg").out()).isEqualTo("stdin dockerfile\n");
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void copyChownAndChmodSetOwnersAndModesByNameOrNumber() throws Exception {
        Path ctx = context("""
                FROM busybox
                COPY --chown=app:app a.txt /owned/
                COPY --chown=1234 --chmod=0751 b.sh /numeric/
                COPY --chmod=600 dir /private/
                """, Map.of("a.txt", "a\n", "b.sh", "echo b\n", "dir/c.txt", "c\n"));
        strata.ok("build", "-t", "owners", ctx.toString());
        assertThat(strata.ok("run", "--rm", "owners", "stat", "-c", "%u:%g %a %n", "/owned/a.txt", "/numeric/b.sh",
                "/private/c.txt").out()).isEqualTo("1000:1000 644 /owned/a.txt\n1234:1234 751 /numeric/b.sh\n"
                + "0:0 600 /private/c.txt\n");
        var unknown = strata.run("build", context("FROM busybox\nCOPY --chown=nosuchuser f /f\n", Map.of("f", "x"))
                .toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("nosuchuser");
    }

    @Test
    void theSeedsTomcatAndNginxDockerfilesBuildAndRun() throws Exception {
        // the notes' Tomcat Dockerfile: base swapped for busybox, yum for a shell command, the JDK and Tomcat
        // tarballs made here with the directories and scripts the Dockerfile's ENV and CMD name
        Path ctx = context("""
                FROM busybox
                MAINTAINER zhaojingchao<andre215000@163.com>
                # 拷贝文件
                COPY readme.txt /usr/local/readme.txt

                # 添加压缩文件至 /usr/local/目录
                ADD jdk-8u161-linux-x64.tar.gz /usr/local/
                ADD apache-tomcat-8.5.55.tar.gz /usr/local/

                # 执行安装vim命令
                RUN echo vim > /usr/local/installed

                ENV MYPATH /usr/local
                WORKDIR $MYPATH

                ENV JAVA_HOME /usr/local/jdk1.8.0_161
                ENV CLASSPATH $JAVA_HOME/lib/dt.jar:$JAVA_HOME/lib/tools.jar
                ENV CATALINA_HOME /usr/local/apache-tomcat-8.5.55
                ENV CATALINA_BASH /usr/local/apache-tomcat-8.5.55
                ENV PATH $PATH:$JAVA_HOME/bin:$CATALINA_HOME/lib:$CATALINA_HOME/bin

                EXPOSE 8080

                CMD /usr/local/apache-tomcat-8.5.55/bin/startup.sh && cat /usr/local/apache-tomcat-8.5.55/logs/catalina.out
                """, Map.of("readme.txt", "read me\n",
                "jdk/jdk1.8.0_161/bin/java", "#!/bin/sh\necho 'java version \"1.8.0_161\"'\n",
                "tomcat/apache-tomcat-8.5.55/bin/startup.sh",
                "#!/bin/sh\nmkdir -p $CATALINA_HOME/logs && echo \"Tomcat started in $CATALINA_HOME\" > $CATALINA_HOME/logs/catalina.out\n"));
        for (String[] tarball : new String[][] {{"jdk", "jdk-8u161-linux-x64.tar.gz"}, {"tomcat", "apache-tomcat-8.5.55.tar.gz"}}) {
            Process chmod = new ProcessBuilder("chmod", "-R", "755", ctx.resolve(tarball[0]).toString()).start();
            assertThat(chmod.waitFor()).isZero();
            Process tar = new ProcessBuilder("tar", "-C", ctx.resolve(tarball[0]).toString(), "-czf",
                    ctx.resolve(tarball[1]).toString(), ".").start();
            assertThat(tar.waitFor()).isZero();
        }
        strata.ok("build", "-t", "diytomcat", ctx.toString());
        assertThat(strata.ok("run", "--rm", "diytomcat").out()).isEqualTo("Tomcat started in /usr/local/apache-tomcat-8.5.55\n");
        assertThat(strata.ok("run", "--rm", "diytomcat", "sh", "-c", "pwd; java; cat readme.txt installed").out())
                .isEqualTo("/usr/local\njava version \"1.8.0_161\"\nread me\nvim\n");

        // the notes' nginx demo (docker_demo), ubuntu and apt swapped for busybox and a mkdir
        Path demo = context("""
                # Version 0.0.1
                FROM busybox
                LABEL maintainer="chumoshi"
                RUN mkdir -p /usr/share/nginx/html
                RUN echo 'Hi, I am your container' \\
                    >/usr/share/nginx/html/index.html
                EXPOSE 80
                """, Map.of());
        strata.ok("build", "-t=chumoshi/docker_demo:v1", demo.toString());
        assertThat(strata.ok("run", "--rm", "chumoshi/docker_demo:v1", "cat", "/usr/share/nginx/html/index.html").out())
                .isEqualTo("Hi, I am your container\n");
    }
}
