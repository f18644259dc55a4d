package dev.strata.core.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgScopeTest {
    /** The scope of stage {@code stage} after all its ARGs, with no ENV. */
    private static ArgScope scope(String text, Map<String, String> buildArgs, int stage) {
        BuildPlan plan = BuildPlan.create(Dockerfile.parse(text, "Dockerfile"), buildArgs, Optional.empty());
        ArgScope scope = plan.argScope(stage);
        for (Instruction i : plan.stages().get(stage).stage().instructions()) {
            if (i instanceof Arg arg) {
                scope = scope.declare(arg, List.of());
            }
        }
        return scope;
    }

    @Test
    void globalArgsAreOnlyVisibleWhenRedeclared() {
        String text = "ARG VERSION=1.0 OTHER=o\nFROM busybox\nARG VERSION\nRUN x\n";
        ArgScope scope = scope(text, Map.of(), 0);
        assertThat(scope.value("VERSION")).isEqualTo("1.0");
        assertThat(scope.value("OTHER")).isNull();
        assertThat(scope.expansionEnv(List.of())).containsExactly(Map.entry("VERSION", "1.0"));
        assertThat(scope(text, Map.of("VERSION", "2.0"), 0).value("VERSION")).isEqualTo("2.0");
    }

    @Test
    void aStageArgTakesTheBuildArgElseItsExpandedDefault() {
        String text = "FROM busybox\nARG A=1 B=${A}0 C D=\"x y\"\n";
        ArgScope scope = scope(text, Map.of("C", "c"), 0);
        assertThat(scope.expansionEnv(List.of())).containsOnly(
                Map.entry("A", "1"), Map.entry("B", "10"), Map.entry("C", "c"), Map.entry("D", "x y"));
        assertThat(scope(text, Map.of("A", "5"), 0).value("B")).isEqualTo("50");
        assertThat(scope(text, Map.of(), 0).value("C")).isNull();
        assertThat(scope(text, Map.of(), 0).isDeclared("C")).isTrue();
    }

    @Test
    void argDefaultsSeeTheEnvironment() {
        BuildPlan plan = BuildPlan.create(Dockerfile.parse("FROM busybox\nARG DIR=$HOME/x\n", "Dockerfile"), Map.of(), Optional.empty());
        Arg arg = (Arg) plan.stages().get(0).stage().instructions().get(0);
        assertThat(plan.argScope(0).declare(arg, List.of("HOME=/root")).value("DIR")).isEqualTo("/root/x");
    }

    @Test
    void argsDoNotCrossStages() {
        String text = "FROM busybox AS one\nARG A=1\nFROM busybox\nRUN x\n";
        assertThat(scope(text, Map.of(), 1).value("A")).isNull();
    }

    @Test
    void envOverridesAnArgOfTheSameName() {
        ArgScope scope = scope("FROM busybox\nARG V=arg W=w\n", Map.of(), 0);
        List<String> env = List.of("PATH=/bin", "V=env");
        assertThat(scope.expansionEnv(env)).containsEntry("V", "env").containsEntry("W", "w");
        assertThat(scope.runEnv(env)).containsExactly("PATH=/bin", "V=env", "W=w");
        assertThat(scope.historyArgs(env)).containsExactly("W=w");
    }

    @Test
    void proxyArgsNeedNoDeclarationAndStayOutOfHistoryUnlessDeclared() {
        Map<String, String> buildArgs = Map.of("http_proxy", "http://127.0.0.1:3128", "NO_PROXY", "localhost", "OTHER", "o");
        ArgScope scope = scope("FROM busybox\nARG NO_PROXY\nARG B=b\n", buildArgs, 0);
        assertThat(scope.expansionEnv(List.of())).containsOnly(Map.entry("http_proxy", "http://127.0.0.1:3128"),
                Map.entry("NO_PROXY", "localhost"), Map.entry("B", "b"));
        assertThat(scope.runEnv(List.of())).containsExactly("B=b", "NO_PROXY=localhost", "http_proxy=http://127.0.0.1:3128");
        assertThat(scope.historyArgs(List.of())).containsExactly("B=b", "NO_PROXY=localhost");
    }

    @Test
    void redeclaringWithoutValueKeepsTheValue() {
        assertThat(scope("FROM busybox\nARG A=1\nARG A\n", Map.of(), 0).value("A")).isEqualTo("1");
        assertThat(scope("FROM busybox\nARG A=1\nARG A=2\n", Map.of(), 0).value("A")).isEqualTo("2");
    }
}
