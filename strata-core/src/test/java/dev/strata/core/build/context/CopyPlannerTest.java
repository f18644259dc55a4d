package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyPlannerTest {
    @TempDir
    Path temp;
    ContextFixture fixture;
    BuildContext context;
    IgnoreRules rules = IgnoreRules.none();

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ContextFixture(Files.createDirectory(temp.resolve("ctx")));
        fixture.file("a.txt", "a").file("b.txt", "b").file("c.md", "c")
                .file("dir/x", "x").file("dir/sub/y", "y").symlink("dir/link", "x")
                .symlink("alink", "dir/x").symlink("dirlink", "dir").symlink("escape", "/etc/passwd")
                .symlink("up", "../../../dir/x");
        context = BuildContext.directory(fixture.root);
    }

    private CopyPlan plan(String dest, String... sources) {
        return plan(CopyRequest.of("COPY", List.of(sources), dest, "/work"));
    }

    private CopyPlan plan(CopyRequest request) {
        try (ContextChecksums sums = ContextChecksums.open(context, temp.resolve("cache"))) {
            return new CopyPlanner(context, rules, sums).plan(request);
        }
    }

    private static List<String> targets(CopyPlan plan) {
        return plan.entries().stream().map(PlannedEntry::target).toList();
    }

    @Test
    void aFileGoesToTheDestinationOrIntoItWhenItIsADirectory() {
        assertThat(targets(plan("/dst", "a.txt"))).containsExactly("/dst");
        assertThat(targets(plan("/dst/", "a.txt"))).containsExactly("/dst/a.txt");
        assertThat(targets(plan(new CopyRequest("COPY", List.of("a.txt"), "/dst", "/", "/dst"::equals))))
                .containsExactly("/dst/a.txt");
        CopyPlan plan = plan("/dst/", "a.txt");
        assertThat(plan.checksum()).startsWith("file:").hasSize(5 + 64);
        assertThat(plan.historyText("COPY")).isEqualTo("COPY " + plan.checksum() + " in /dst/ ");
        PlannedEntry entry = plan.entries().getFirst();
        assertThat(entry.kind()).isEqualTo(EntryKind.FILE);
        assertThat(entry.size()).isEqualTo(1);
        assertThat(entry.file()).isEqualTo(context.root().resolve("a.txt"));
    }

    @Test
    void aRelativeDestinationIsBelowTheWorkdir() {
        assertThat(targets(plan("rel/", "a.txt"))).containsExactly("/work/rel/a.txt");
        assertThat(targets(plan(".", "a.txt", "b.txt"))).containsExactly("/work/a.txt", "/work/b.txt");
        assertThat(targets(plan("./", "a.txt"))).containsExactly("/work/a.txt");
        assertThat(plan("../up/", "a.txt").destination()).isEqualTo("/up");
    }

    @Test
    void aDirectoryCopiesItsContentsNotItself() {
        CopyPlan plan = plan("/app", "dir");
        assertThat(targets(plan)).containsExactly("/app/link", "/app/sub", "/app/sub/y", "/app/x");
        assertThat(plan.checksum()).startsWith("dir:");
        PlannedEntry link = plan.entries().getFirst();
        assertThat(link.kind()).isEqualTo(EntryKind.SYMLINK);
        assertThat(link.linkTarget()).isEqualTo("x");
        assertThat(plan.entries().get(1).kind()).isEqualTo(EntryKind.DIRECTORY);
        assertThat(targets(plan("/", "dir/sub"))).containsExactly("/y");
    }

    @Test
    void theWholeContextIsDotAndTheRootDirectoryIsNotHashedAsAnEntry() {
        CopyPlan plan = plan("/app/", ".");
        assertThat(targets(plan)).startsWith("/app/a.txt", "/app/alink", "/app/b.txt", "/app/c.md", "/app/dir");
        assertThat(plan.sources().getFirst().path()).isEmpty();
    }

    @Test
    void aSourcePathsSymbolicLinksAreFollowedInsideTheContext() {
        CopyPlan file = plan("/d/", "alink");
        assertThat(targets(file)).containsExactly("/d/alink");
        assertThat(file.entries().getFirst().kind()).isEqualTo(EntryKind.FILE);
        assertThat(file.entries().getFirst().file()).isEqualTo(context.root().resolve("dir/x"));
        assertThat(file.checksum()).isEqualTo(plan("/d/", "dir/x").checksum()); // Docker hashes the target
        assertThat(targets(plan("/d", "dirlink"))).contains("/d/x", "/d/sub/y");
        assertThat(targets(plan("/d/", "up"))).containsExactly("/d/up"); // ../../.. stops at the context root
        assertThatThrownBy(() -> plan("/d/", "escape"))
                .hasMessage("COPY failed: file not found in build context or excluded by .dockerignore: stat escape: file does not exist");
    }

    @Test
    void sourcesStayInsideTheContext() {
        assertThat(targets(plan("/d/", "../a.txt"))).containsExactly("/d/a.txt");
        assertThat(targets(plan("/d/", "/a.txt"))).containsExactly("/d/a.txt");
        assertThat(targets(plan("/d/", "./dir/../a.txt"))).containsExactly("/d/a.txt");
    }

    @Test
    void globsMatchInWalkOrderAndNeverAcrossASlash() {
        assertThat(targets(plan("/d/", "*.txt"))).containsExactly("/d/a.txt", "/d/b.txt");
        assertThat(targets(plan("/d/", "[ab].txt", "c.m?"))).containsExactly("/d/a.txt", "/d/b.txt", "/d/c.md");
        assertThat(targets(plan("/d/", "d*/s*"))).containsExactly("/d/y");
        assertThat(plan("/d/", "*.txt").checksum()).startsWith("multi:");
        assertThat(plan("/d/", "*.md").checksum()).startsWith("file:");
        assertThatThrownBy(() -> plan("/d/", "*.nothing"))
                .isInstanceOf(StrataException.class).hasMessage("COPY failed: no source files were specified");
    }

    @Test
    void severalSourcesNeedADirectoryDestination() {
        assertThatThrownBy(() -> plan("/d", "a.txt", "b.txt"))
                .isInstanceOf(StrataException.class)
                .hasMessage("When using COPY with more than one source file, the destination must be a directory and end with a /");
        assertThatThrownBy(() -> plan("/d", "*.txt"))
                .hasMessageContaining("the destination must be a directory and end with a /");
        assertThat(plan("/d", "*.md").entries()).hasSize(1);
    }

    @Test
    void missingAndExcludedSourcesAreNotFoundInDockersWords() {
        assertThatThrownBy(() -> plan("/d/", "./nope.txt"))
                .isInstanceOf(StrataException.class)
                .hasMessage("COPY failed: file not found in build context or excluded by .dockerignore: stat nope.txt: file does not exist")
                .extracting(e -> ((StrataException) e).kind()).isEqualTo(StrataException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> plan("/d/", "*")) // as Docker: a match whose link leads nowhere is not found
                .hasMessageEndingWith("stat escape: file does not exist");
        rules = IgnoreRules.parse("*.txt\ndir/sub\n!dir/sub/y\nescape", ".dockerignore");
        assertThatThrownBy(() -> plan("/d/", "a.txt")).hasMessageContaining("stat a.txt: file does not exist");
        assertThatThrownBy(() -> plan(CopyRequest.of("ADD", List.of("b.txt"), "/d/", "/")))
                .hasMessageStartingWith("ADD failed: file not found in build context");
        assertThat(targets(plan("/d/", "*"))).containsExactly("/d/alink", "/d/c.md",
                "/d/link", "/d/sub", "/d/sub/y", "/d/x", // dir
                "/d/link", "/d/sub", "/d/sub/y", "/d/x", // dirlink, followed
                "/d/up")
                .doesNotContain("/d/a.txt");
        assertThat(targets(plan("/d/", "dir"))).containsExactly("/d/link", "/d/sub", "/d/sub/y", "/d/x");
    }

    @Test
    void excludedFilesAreNotPartOfADirectorysChecksum() {
        String all = plan("/d/", "dir").checksum();
        rules = IgnoreRules.parse("dir/sub", ".dockerignore");
        String without = plan("/d/", "dir").checksum();
        assertThat(without).isNotEqualTo(all);
        fixture.file("dir/sub/new", "ignored anyway");
        assertThat(plan("/d/", "dir").checksum()).isEqualTo(without);
    }

    @Test
    void copyRefusesUrls() {
        assertThatThrownBy(() -> plan("/d/", "https://example.invalid/x.tar"))
                .hasMessageStartingWith("COPY failed: source can't be a URL for COPY");
    }
}
