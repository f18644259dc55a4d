package dev.strata.core.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BuildPlanTest {
    private static final String MULTI = """
            ARG BASE=busybox
            ARG TAG=1.36
            ARG IMAGE=${BASE}:${TAG}
            FROM $IMAGE AS base
            RUN echo base
            FROM base AS build
            COPY --from=tools /bin/tool /bin/
            FROM busybox AS tools
            FROM scratch AS unused
            FROM build AS final
            COPY --from=0 /etc/passwd /etc/
            COPY --from=alpine:3 /bin/x /bin/
            """;

    static BuildPlan plan(String text, Map<String, String> buildArgs, String target) {
        return BuildPlan.create(Dockerfile.parse(text, "Dockerfile"), buildArgs, Optional.ofNullable(target));
    }

    @Test
    void resolvesBasesDependenciesAndTheStagesTheTargetNeeds() {
        BuildPlan plan = plan(MULTI, Map.of(), null);
        assertThat(plan.globalArgs()).containsExactly(Map.entry("BASE", "busybox"), Map.entry("TAG", "1.36"),
                Map.entry("IMAGE", "busybox:1.36"));
        assertThat(plan.stages()).extracting(StagePlan::baseImage)
                .containsExactly("busybox:1.36", "base", "busybox", "scratch", "build");
        assertThat(plan.stages()).extracting(StagePlan::baseStage).containsExactly(OptionalInt.empty(), OptionalInt.of(0),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(1));
        assertThat(plan.stages()).extracting(StagePlan::dependencies)
                .containsExactly(List.of(), List.of(2), List.of(), List.of(), List.of(0));
        assertThat(plan.targetStage().name()).contains("final");
        assertThat(plan.neededStages()).extracting(StagePlan::index).containsExactly(0, 1, 2, 4);
        assertThat(plan.stageOf("TOOLS")).hasValue(2);
        assertThat(plan.stageOf("1")).hasValue(1);
        assertThat(plan.stageOf("alpine:3")).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aTargetSkipsWhatItDoesNotNeed() {
        BuildPlan plan = plan(MULTI, Map.of("TAG", "1.35"), "Tools");
        assertThat(plan.target()).isEqualTo(2);
        assertThat(plan.neededStages()).extracting(StagePlan::index).containsExactly(2);
        assertThat(plan.stages().get(0).baseImage()).isEqualTo("busybox:1.35");
    }

    @Test
    void anUnknownTargetIsAnError() {
        assertThatThrownBy(() -> plan(MULTI, Map.of(), "tool"))
                .isInstanceOf(DockerfileException.class)
                .hasMessage("target stage \"tool\" could not be found (did you mean tools?)");
        assertThatThrownBy(() -> plan(MULTI, Map.of(), "nothing-like-it"))
                .hasMessage("target stage \"nothing-like-it\" could not be found");
    }

    @Test
    void fromSeesOnlyGlobalArgsWithBuildArgsOverDefaults() {
        String text = "ARG V=1\nFROM busybox:$V\nARG W=2\nFROM busybox:${W:-none}\n";
        BuildPlan plan = plan(text, Map.of("V", "9"), null);
        assertThat(plan.stages()).extracting(StagePlan::baseImage).containsExactly("busybox:9", "busybox:none");
    }

    @Test
    void stageNamesMatchOnlyEarlierStages() {
        BuildPlan plan = plan("FROM later AS first\nFROM busybox AS later\n", Map.of(), null);
        assertThat(plan.stages().get(0).baseStage()).isEmpty();
        assertThat(plan.neededStages()).extracting(StagePlan::index).containsExactly(1);
    }

    @Test
    void platformIsExpandedWithGlobalArgs() {
        BuildPlan plan = plan("ARG P=linux/amd64\nFROM --platform=$P busybox\n", Map.of(), null);
        assertThat(plan.stages().get(0).platform()).contains("linux/amd64");
        assertThatThrownBy(() -> plan("FROM --platform=$NONE busybox\n", Map.of(), null))
                .hasMessage("Dockerfile:1: empty platform value from expression $NONE");
    }

    @Test
    void aBlankBaseIsAnError() {
        assertThatThrownBy(() -> plan("ARG IMAGE\nFROM $IMAGE\n", Map.of(), null))
                .hasMessage("Dockerfile:2: base name ($IMAGE) should not be blank");
        assertThatThrownBy(() -> plan("ARG X=${Y:?give-Y}\nFROM busybox\n", Map.of(), null))
                .hasMessage("Dockerfile:1: failed to process \"${Y:?give-Y}\": Y: give-Y");
    }

    @Test
    void copyFromCannotUseVariablesOrBadIndexes() {
        assertThatThrownBy(() -> plan("FROM busybox\nARG S=x\nCOPY --from=$S a b\n", Map.of(), null))
                .hasMessage("Dockerfile:3: variable expansion is not supported for --from, define a new stage with FROM"
                        + " using ARG from global scope as a workaround");
        assertThatThrownBy(() -> plan("FROM busybox\nCOPY --from=3 a b\n", Map.of(), null))
                .hasMessage("Dockerfile:2: invalid stage index 3");
    }

    @Test
    void circularCopiesAreAnError() {
        assertThatThrownBy(() -> plan("FROM busybox AS stage0\nCOPY --from=stage0 f1 /sub/\n", Map.of(), null))
                .hasMessage("Dockerfile:2: circular dependency detected on stage: stage0");
        String three = """
                FROM busybox AS stage0
                COPY --from=stage2 f1 /sub/
                FROM busybox AS stage1
                COPY --from=stage0 f2 /sub/
                FROM busybox AS stage2
                COPY --from=stage1 f2 /sub/
                """;
        assertThatThrownBy(() -> plan(three, Map.of(), null))
                .hasMessage("Dockerfile:2: circular dependency detected on stage: stage0");
    }

    @Test
    void warnsAboutBuildArgsNoNeededStageDeclares() {
        String text = "ARG G\nFROM busybox AS a\nARG USED\nFROM busybox AS b\nARG ONLY_IN_B\nFROM busybox\nCOPY --from=a / /\n";
        BuildPlan plan = plan(text, Map.of("G", "1", "USED", "1", "ONLY_IN_B", "1", "ZZ", "1", "AA", "1", "HTTP_PROXY", "p"), null);
        assertThat(plan.warnings()).containsExactly("[Warning] One or more build-args [AA ONLY_IN_B ZZ] were not consumed");
    }

    @Test
    void warnsAboutDuplicateStageNames() {
        BuildPlan plan = plan("FROM busybox AS x\nFROM busybox AS x\nFROM x\n", Map.of(), null);
        assertThat(plan.warnings()).containsExactly(
                "Duplicate stage name \"x\", stage names should be unique (Dockerfile:2)");
        assertThat(plan.stages().get(2).baseStage()).hasValue(1);
    }
}
