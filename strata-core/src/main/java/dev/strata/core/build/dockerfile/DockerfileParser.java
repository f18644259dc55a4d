package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Runs the parse: text to raw instructions, raw instructions to typed ones, typed ones grouped into stages. */
final class DockerfileParser {
    private DockerfileParser() {}

    static Dockerfile parse(String text, String fileName) {
        if (text.isEmpty()) {
            throw DockerfileException.problem("the Dockerfile (" + fileName + ") cannot be empty");
        }
        // Docker reads the whole file before it checks any instruction, so line errors come first
        SourceReader.Result source = new SourceReader(text, fileName).read();
        InstructionParser parser = new InstructionParser(fileName);
        List<Arg> globalArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        From from = null;
        List<Instruction> current = new ArrayList<>();
        for (RawInstruction raw : source.instructions()) {
            Instruction instruction = parser.parse(raw);
            if (instruction instanceof From f) {
                if (from != null) {
                    stages.add(new Stage(stages.size(), from, current));
                }
                from = f;
                current = new ArrayList<>();
            } else if (from == null && instruction instanceof Arg arg) {
                globalArgs.add(arg);
            } else if (from == null) {
                throw instruction.origin().error("no build stage in current context");
            } else {
                current.add(instruction);
            }
        }
        if (from == null) {
            throw DockerfileException.problem("dockerfile contains no stages to build");
        }
        stages.add(new Stage(stages.size(), from, current));
        return new Dockerfile(fileName, source.directives(), globalArgs, stages, source.warnings());
    }

    static Instruction parseInstruction(String text, String where) {
        SourceReader.Result source = new SourceReader(text, where).read();
        if (source.instructions().size() != 1) {
            throw DockerfileException.problem(where + " should be a single instruction");
        }
        return new InstructionParser(where).parse(source.instructions().get(0));
    }

    static Instruction parseTrigger(String expression, String where) {
        SourceReader.Result source = new SourceReader(expression, where).read();
        if (source.instructions().size() != 1) {
            throw DockerfileException.problem("onbuild trigger should be a single expression");
        }
        RawInstruction raw = source.instructions().get(0);
        String keyword = raw.command();
        if (keyword.equals("onbuild")) {
            throw DockerfileException.at(where, raw.startLine(), "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (keyword.equals("from") || keyword.equals("maintainer")) {
            throw DockerfileException.at(where, raw.startLine(),
                    keyword.toUpperCase(java.util.Locale.ROOT) + " isn't allowed as an ONBUILD trigger");
        }
        return new InstructionParser(where).parse(raw);
    }
}
