package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed Dockerfile: its file name (for messages), parser directives, the global ARGs declared before the first
 * FROM, the build stages, and the warnings Docker prints while parsing (empty continuation lines). Immutable.
 *
 * <p>{@link #parse} is the entry point; {@link BuildPlan#create} then resolves stages, base images and build
 * arguments for one build.
 */
public record Dockerfile(String fileName, Directives directives, List<Arg> globalArgs, List<Stage> stages,
                         List<String> warnings) {
    public Dockerfile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(directives, "directives");
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a Dockerfile has at least one stage");
        }
    }

    /**
     * Parses Dockerfile text; {@code fileName} names it in messages ({@code Dockerfile:7: unknown instruction:
     * RUNN}). Fails with a {@link DockerfileException} on the first problem, as Docker does.
     */
    public static Dockerfile parse(String text, String fileName) {
        return DockerfileParser.parse(text, fileName);
    }

    /**
     * Parses one instruction on its own, as {@code commit --change} and {@code import --change} give them;
     * {@code where} names the source in messages.
     */
    public static Instruction parseInstruction(String text, String where) {
        return DockerfileParser.parseInstruction(text, where);
    }

    /**
     * Parses one ONBUILD trigger from a base image's config ({@code OnBuild} list), as the build that uses that
     * image runs it; {@code where} names the source in messages.
     */
    public static Instruction parseTrigger(String expression, String where) {
        return DockerfileParser.parseTrigger(expression, where);
    }

    /** Every instruction in file order: global ARGs, then each stage's FROM and instructions. */
    public List<Instruction> instructions() {
        List<Instruction> all = new ArrayList<>(globalArgs);
        for (Stage stage : stages) {
            all.add(stage.from());
            all.addAll(stage.instructions());
        }
        return List.copyOf(all);
    }
}
