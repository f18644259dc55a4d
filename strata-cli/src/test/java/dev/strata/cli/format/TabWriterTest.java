package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Go's text/tabwriter semantics (https://pkg.go.dev/text/tabwriter) with Docker's settings
 * {@code NewWriter(out, 10, 1, 3, ' ', 0)}: columns are at least 10 wide, 3 wider than the
 * widest cell.
 */
class TabWriterTest {

    private final TabWriter docker = TabWriter.docker();

    @Test
    void columnsAreWidestCellPlusPaddingButAtLeastMinWidth() {
        assertThat(docker.format("REPOSITORY\tTAG\nbusybox\tlatest\n"))
                .isEqualTo("REPOSITORY   TAG\nbusybox      latest\n");
        assertThat(docker.format("a\tb\tc\naaa\tbbbb\tc\n"))
                .isEqualTo("a         b         c\naaa       bbbb      c\n");
    }

    @Test
    void theTextAfterTheLastTabIsNotAColumn() {
        assertThat(docker.format("a\tthis trailing text is long\nb\tc\n"))
                .isEqualTo("a         this trailing text is long\nb         c\n");
    }

    @Test
    void aLineWithoutTabsEndsEveryColumnBlock() {
        assertThat(docker.format("a\tb\nplain line\nlonger cell\tc\n"))
                .isEqualTo("a         b\nplain line\nlonger cell   c\n");
    }

    @Test
    void columnBlocksAreRunsOfConsecutiveLines() {
        // The example from the tabwriter documentation: b and c are in distinct column blocks.
        String in = "aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n";
        assertThat(docker.format(in)).isEqualTo(
                "aaaa      bbb       d\n"
                + "aa        b         dd\n"
                + "a         \n"
                + "aa        cccc      eee\n");
    }

    @Test
    void emptyCellsArePadded() {
        assertThat(docker.format("\tx\ny\tz\n")).isEqualTo("          x\ny         z\n");
    }

    @Test
    void textWithoutFinalNewlineIsKept() {
        assertThat(docker.format("a\tb")).isEqualTo("a         b");
        assertThat(docker.format("")).isEmpty();
    }

    @Test
    void wideCharactersCountTwoColumns() {
        // Docker's tabwriter fork measures cells with go-runewidth.
        assertThat(docker.format("名前\tx\nab\ty\n")).isEqualTo("名前      x\nab        y\n");
    }

    @Test
    void formFeedEndsAllBlocks() {
        assertThat(docker.format("a\tb\ncccccccccccc\td\n"))
                .isEqualTo("a              b\ncccccccccccc   d\n");
        assertThat(docker.format("a\tb\fcccccccccccc\td\n"))
                .isEqualTo("a         b\ncccccccccccc   d\n");
    }

    @Test
    void otherSettings() {
        assertThat(new TabWriter(0, 1, 1, ' ', true).format("a\tb\nccc\td\n")).isEqualTo("   ab\n cccd\n");
        assertThat(new TabWriter(0, 8, 1, '\t', false).format("a\tb\naaaaaaaaa\tc\n"))
                .isEqualTo("a\t\tb\naaaaaaaaa\tc\n");
    }
}
