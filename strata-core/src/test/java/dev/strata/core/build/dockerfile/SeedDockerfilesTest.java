package dev.strata.core.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Dockerfiles of the notes in /work/shared/seeds, with their base images swapped for busybox. */
class SeedDockerfilesTest {
    private static Dockerfile seed(String name) throws IOException {
        try (InputStream in = SeedDockerfilesTest.class.getResourceAsStream("seeds/" + name)) {
            return Dockerfile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "Dockerfile");
        }
    }

    private static List<String> originals(Dockerfile df) {
        return df.instructions().stream().map(i -> i.origin().original()).toList();
    }

    /** Runs the stage's instructions through expansion with the image env as ENV builds it up, as a builder would. */
    private static Map<String, String> envAfter(Dockerfile df, List<Instruction> expanded) {
        BuildPlan plan = BuildPlan.create(df, Map.of(), Optional.empty());
        Expander expander = Expander.of(df);
        Map<String, String> env = new LinkedHashMap<>(Map.of("PATH", "/usr/bin:/bin"));
        ArgScope args = plan.argScope(0);
        for (Instruction i : plan.targetStage().stage().instructions()) {
            List<String> config = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
            if (i instanceof Arg a) {
                args = args.declare(a, config);
                continue;
            }
            Instruction x = i.expand(expander, args.expansionEnv(config));
            expanded.add(x);
            if (x instanceof Env e) {
                e.variables().forEach(kv -> env.put(kv.key(), kv.value()));
            }
        }
        return env;
    }

    @Test
    void centos() throws IOException {
        Dockerfile df = seed("002-centos.Dockerfile");
        assertThat(originals(df)).containsExactly(
                "FROM busybox",
                "MAINTAINER zhaojingchao<andre215000@163.com>",
                "ENV MYPATH /usr/local",
                "WORKDIR $MYPATH",
                "RUN yum -y install vim",
                "RUN yum -y install net-tools",
                "EXPOSE 80",
                "CMD echo $MYPATH",
                "CMD echo \"the centOS image have been built...\"",
                "CMD echo /bin/bash");
        List<Instruction> in = df.stages().get(0).instructions();
        assertThat(in).extracting(i -> i.getClass().getSimpleName())
                .containsExactly("Maintainer", "Env", "Workdir", "Run", "Run", "Expose", "Cmd", "Cmd", "Cmd");
        assertThat(((Maintainer) in.get(0)).maintainer()).isEqualTo("zhaojingchao<andre215000@163.com>");
        assertThat(((Env) in.get(1)).variables()).containsExactly(new KeyValue("MYPATH", "/usr/local", true));
        assertThat(((Cmd) in.get(6)).command()).isEqualTo(new Command.ShellForm("echo $MYPATH"));
        assertThat(((Cmd) in.get(7)).command()).isEqualTo(new Command.ShellForm("echo \"the centOS image have been built...\""));
        assertThat(in).extracting(i -> i.origin().startLine()).containsExactly(2, 3, 4, 6, 7, 9, 11, 12, 13);

        List<Instruction> expanded = new ArrayList<>();
        envAfter(df, expanded);
        assertThat(((Workdir) expanded.get(2)).path()).isEqualTo("/usr/local");
        assertThat(((Expose) expanded.get(5)).ports()).containsExactly("80");
        assertThat(((Cmd) expanded.get(6)).command()).as("the shell expands CMD, not the builder")
                .isEqualTo(new Command.ShellForm("echo $MYPATH"));
    }

    @Test
    void tomcat() throws IOException {
        Dockerfile df = seed("002-tomcat.Dockerfile");
        List<Instruction> in = df.stages().get(0).instructions();
        assertThat(in).extracting(i -> i.getClass().getSimpleName()).containsExactly("Maintainer", "Copy", "Add", "Add",
                "Run", "Env", "Workdir", "Env", "Env", "Env", "Env", "Env", "Expose", "Cmd");
        assertThat(((Copy) in.get(1)).sources()).containsExactly("readme.txt");
        assertThat(((Copy) in.get(1)).destination()).isEqualTo("/usr/local/readme.txt");
        assertThat(((Add) in.get(2)).sources()).containsExactly("jdk-8u161-linux-x64.tar.gz");
        assertThat(((Cmd) in.get(13)).command()).isEqualTo(new Command.ShellForm(
                "/usr/local/apach-tomcat-8.5.55/bin/startup.sh && tail -f /usr/local/apach-tomcat-8.5.55/bin/logs/catalina.out"));
        assertThat(in.get(13).origin().startLine()).isEqualTo(29);

        List<Instruction> expanded = new ArrayList<>();
        Map<String, String> env = envAfter(df, expanded);
        assertThat(env).containsEntry("CLASSPATH", "/usr/local/jdk1.8.0_161/lib/dt.jar:/usr/local/jdk1.8.0_161/lib/tools.jar")
                .containsEntry("PATH", "/usr/bin:/bin:/usr/local/jdk1.8.0_161/bin:/usr/local/apache-tomcat-8.5.55/lib"
                        + ":/usr/local/apache-tomcat-8.5.55/bin");
        assertThat(((Workdir) expanded.get(6)).path()).isEqualTo("/usr/local");
    }

    @Test
    void nginx() throws IOException {
        Dockerfile df = seed("004-nginx.Dockerfile");
        assertThat(originals(df)).containsExactly(
                "FROM busybox",
                "LABEL maintainer=\"chumoshi\"",
                "RUN apt update",
                "RUN apt install -y nginx",
                "RUN echo 'Hi, I am your container'     >/usr/share/nginx/html/index.html",
                "EXPOSE 80");
        List<Instruction> in = df.stages().get(0).instructions();
        assertThat(((Label) in.get(0)).expand(Expander.of(df), Map.of()).labels())
                .containsExactly(new KeyValue("maintainer", "chumoshi", false));
        Run echo = (Run) in.get(3);
        assertThat(echo.command()).isEqualTo(new Command.ShellForm("echo 'Hi, I am your container'     >/usr/share/nginx/html/index.html"));
        assertThat(echo.origin().startLine()).isEqualTo(6);
        assertThat(echo.origin().endLine()).isEqualTo(7);
        assertThat(df.stages().get(0).from().origin().startLine()).isEqualTo(2);
    }

    @Test
    void theKeywordCheatSheetIsNotADockerfile() {
        // the notes list the keywords with comments after them; Docker reads "FROM # text" as two arguments
        assertThatThrownBy(() -> seed("002-keywords.Dockerfile"))
                .hasMessage("Dockerfile:1: FROM requires either one or three arguments");
    }
}
