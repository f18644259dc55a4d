package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * Where an instruction came from: the file, the keyword as written ({@code run}, {@code RUN}), Docker's
 * "original" text of the instruction (its logical line: continuations joined, comment lines inside dropped,
 * surrounding whitespace trimmed; what Docker shows in {@code history} and keys its cache on), the 1-based lines
 * it starts and ends on (heredoc bodies included) and its {@code --flags} as written, quotes removed.
 */
public record Origin(String fileName, String keyword, String original, int startLine, int endLine, List<String> flags) {
    public Origin {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(original, "original");
        flags = List.copyOf(flags);
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("bad lines " + startLine + "-" + endLine);
        }
    }

    /** {@code Dockerfile:7}, to point a user at the instruction. */
    public String where() {
        return fileName + ":" + startLine;
    }

    /** A problem with this instruction, placed at its first line. */
    public DockerfileException error(String problem) {
        return DockerfileException.at(fileName, startLine, problem);
    }
}
