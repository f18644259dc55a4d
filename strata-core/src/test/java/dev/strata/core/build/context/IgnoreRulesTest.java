package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnoreRulesTest {
    private static IgnoreRules rules(String... lines) {
        return IgnoreRules.parse(String.join("\n", lines), ".dockerignore");
    }

    /** Single patterns against paths, as Docker's pattern matcher decides them (parents included). */
    @ParameterizedTest(name = "{0} excludes {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "**|file|true", "**|dir/file|true", "**/|dir/file|true", "**/**|dir/file|true",
            "dir/**|dir/file|true", "dir/**|dir/dir2/file|true", "**/dir|dir|true", "**/dir|dir/file|true",
            "**/dir2/*|dir/dir2/file|true", "**/dir2/**|dir/dir2/dir3/file|true",
            "**file|file|true", "**file|dir/file|true", "**file|dir/dir/file|true", "**/file|dir/dir/file|true",
            "**/file*|dir/dir/file.txt|true", "**/file*.txt|dir/dir/file.txt|true", "**/**/*.txt|dir/dir/file.txt|true",
            "**/**/*.txt2|dir/dir/file.txt|false", "**/*.txt|file.txt|true", "a**/*.txt|a/dir/dir/file.txt|true",
            "a/*.txt|a/dir/file.txt|false", "a/*.txt|a/file.txt|true", "a/*.txt**|a/file.txt|true",
            "a[b-d]e|ae|false", "a[b-d]e|ace|true", "a[b-d]e|aae|false", "a[^b-d]e|aze|true",
            ".*|.foo|true", ".*|foo|false", "abc.def|abcdef|false", "abc.def|abc.def|true", "abc?def|abcZdef|true",
            "abc?def|abcdef|false", "**/foo/bar|foo/bar|true", "**/foo/bar|dir/dir2/foo/bar|true",
            "abc/**|abc|false", "abc/**|abc/def/ghi|true", "**/.foo|.foo|true", "**/.foo|bar.foo|false",
            "a(b)c/def|a(b)c/def|true", "a(b)c/def|a(b)c/xyz|false",
            "dist/*.whl|dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl|true",
            "a\\\\|a\\|true", "a\\*b|a*b|true", "a\\*b|ab|false",
            "*|fileutils.go|true", "*.go|fileutils.go|true", "*.go|.|false",
            "a*|ab/c|true", "a*/b|a/c/b|false", "ab[^c]|abc|false", "a?b|a/b|false", "[\\]a]|]|true",
            "[x\\-]|-|true", "[a-ζ]*|α|true",
            // the examples of Docker's .dockerignore documentation
            "*/temp*|somedir/temporary.txt|true", "*/temp*|somedir/temp|true", "*/temp*|temp|false",
            "*/*/temp*|somedir/subdir/temporary.txt|true", "temp?|tempa|true", "temp?|tempab|false",
            "**/*.go|main.go|true", "**/*.go|cmd/tool/main.go|true",
            // cleaning: ./a, a/, /a, a//b/../c
            "./docs|docs/x|true", "docs/|docs/x|true", "/docs|docs|true", "a//b/../c|a/c|true"})
    void singlePattern(String pattern, String path, boolean excluded) {
        assertThat(rules(pattern).includes(path)).isEqualTo(!excluded);
    }

    @Test
    void regularExpressionCharactersAreLiteral() {
        assertThat(rules("a.|)$(}+{bc").includes("a.|)$(}+{bc")).isFalse();
        assertThat(rules("a.|)$(}+{bc").includes("aX|)$(}+{bc")).isTrue();
    }

    @Test
    void lastMatchWins() {
        assertThat(rules("*.md", "!README.md").includes("README.md")).isTrue();
        assertThat(rules("*.md", "!README.md").includes("CHANGES.md")).isFalse();
        assertThat(rules("!fileutils.go", "*.go").includes("fileutils.go")).isFalse();
        assertThat(rules("*.go", "!fileutils.go").includes("fileutils.go")).isTrue();
        // Docker's documentation: README-secret.md stays out, other READMEs come back
        IgnoreRules secret = rules("*.md", "!README*.md", "README-secret.md");
        assertThat(secret.includes("README-secret.md")).isFalse();
        assertThat(secret.includes("README-1.md")).isTrue();
        assertThat(secret.includes("notes.md")).isFalse();
        assertThat(rules("*.md", "README-secret.md", "!README*.md").includes("README-secret.md")).isTrue();
    }

    @Test
    void aDirectoryPatternExcludesItsContentButAnExceptionBringsAChildBack() {
        for (String dir : List.of("docs", "docs/", "docs/*")) {
            IgnoreRules r = rules(dir, "!docs/README.md");
            assertThat(r.includes("docs/README.md")).as(dir).isTrue();
            assertThat(r.includes("docs/other.md")).as(dir).isFalse();
        }
        assertThat(rules("**", "!util/docker/web").includes("util/docker/web/foo")).isTrue();
        assertThat(rules("**", "!util/docker/web", "util/docker/web/foo").includes("util/docker/web/foo")).isFalse();
        assertThat(rules("**", "!dist/*.whl").includes("dist/a-1.whl")).isTrue();
    }

    @Test
    void commentsBlankLinesWhitespaceAndByteOrderMark() {
        IgnoreRules r = IgnoreRules.parse("\uFEFF# comment\n\n   \n  *.log  \r\n #notacomment\n  !  keep.log\n", "x");
        assertThat(r.patterns()).containsExactly("*.log", "#notacomment", "!keep.log");
        assertThat(r.includes("a.log")).isFalse();
        assertThat(r.includes("keep.log")).isTrue();
        assertThat(r.includes("#notacomment")).isFalse();
        assertThat(IgnoreRules.parse("# only\n", "x").isEmpty()).isTrue();
    }

    @Test
    void malformedPatternsAndALoneExclamationMarkAreRefused() {
        for (String bad : List.of("[", "a[", "[^bc", "[]a]", "[-]", "[x-]", "[a-b-c]", "\\", "!", "  !  ")) {
            assertThatThrownBy(() -> rules("ok", bad)).as(bad)
                    .isInstanceOf(StrataException.class)
                    .hasMessageStartingWith("cannot read .dockerignore: line 2: ")
                    .extracting(e -> ((StrataException) e).kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT);
        }
    }

    @Test
    void walkStateAgreesWithTheWholePathMatch() {
        IgnoreRules r = rules("a/x", "!a", "b", "!b/keep/**", "**/*.tmp", "!**/important.tmp");
        for (String path : List.of("a", "a/x", "a/y", "b", "b/keep", "b/keep/f", "b/other", "c/d.tmp",
                "c/important.tmp", "b/keep/z.tmp")) {
            IgnoreRules.Match state = null;
            String prefix = "";
            for (String part : path.split("/")) {
                prefix = GoPaths.join(prefix, part);
                state = r.match(prefix, state);
            }
            assertThat(state.included()).as(path).isEqualTo(r.includes(path));
        }
        assertThat(r.includes("a/x")).isTrue(); // "!a" after "a/x" re-includes it through its parent
    }

    @Test
    void aWalkLooksInsideAnExcludedDirectoryOnlyWhereAnExceptionCouldMatch() {
        assertThat(rules("docs").mayIncludeBelow("docs")).isFalse();
        assertThat(rules("docs", "!docs/README.md").mayIncludeBelow("docs")).isTrue();
        assertThat(rules("*", "!src/main.go").mayIncludeBelow("src")).isTrue();
        assertThat(rules("*", "!src/main.go").mayIncludeBelow("lib")).isFalse();
        assertThat(rules("*", "!s*/*.go").mayIncludeBelow("src")).isTrue();
        assertThat(rules("*", "!s*/*.go").mayIncludeBelow("src/deeper")).isFalse();
        assertThat(rules("*", "!**/keep").mayIncludeBelow("anything/below")).isTrue();
        assertThat(rules("*", "!src/**").mayIncludeBelow("src/a/b")).isTrue();
    }
}
