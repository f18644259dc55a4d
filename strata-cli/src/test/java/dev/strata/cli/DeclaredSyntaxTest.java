package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps picocli's annotations out of the CLI: every verb declares its syntax in code with {@link Syntax}, because
 * picocli reads annotations by reflection (a proxy class per annotation type, parsed per member), which cost some
 * 40 ms on every start.
 */
class DeclaredSyntaxTest {
    private static final String ANNOTATIONS = "(?:Command|Option|Parameters|Mixin|Spec|ArgGroup|ParentCommand|Unmatched)\\b";
    /** An import of one of the annotations, or a use of one by its qualified or simple name. */
    private static final Pattern ANNOTATION = Pattern.compile("import\\s+(?:static\\s+)?picocli\\.CommandLine\\."
            + ANNOTATIONS + "|@(?:picocli\\.)?(?:CommandLine\\.)?" + ANNOTATIONS);
    private static final Path MAIN = Path.of("src/main/java/dev/strata/cli");

    @Test
    void noSourceUsesPicocliAnnotations() throws IOException {
        assertThat(sources().filter(file -> ANNOTATION.matcher(read(file)).find()).toList()).isEmpty();
    }

    @Test
    void noSourceTurnsOffMethodSubcommands() throws IOException {
        // the attribute only ever served annotated commands: picocli looked for annotated methods in each
        assertThat(sources().filter(file -> read(file).contains("addMethodSubcommands")).toList()).isEmpty();
    }

    @Test
    void theCheckRecognisesAnnotationsInEveryForm() {
        List<String> uses = List.of("import picocli.CommandLine.Option;", "import picocli.CommandLine.Command;",
                "@Command(name = \"x\")", "@CommandLine.Spec", "@picocli.CommandLine.Parameters(index = \"0\")",
                "@Mixin RunFlags flags;");
        List<String> others = List.of("import picocli.CommandLine;", "import picocli.CommandLine.Model.OptionSpec;",
                "@Override", "{@code run}", "@CommandLineTool");
        assertThat(uses).allMatch(text -> ANNOTATION.matcher(text).find());
        assertThat(others).noneMatch(text -> ANNOTATION.matcher(text).find());
    }

    private static Stream<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(java).as("the CLI's sources under %s", MAIN.toAbsolutePath()).isNotEmpty();
            return java.stream();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
