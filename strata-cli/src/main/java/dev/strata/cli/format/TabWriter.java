package dev.strata.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter (elastic tabstops), as the docker CLI uses it to align table columns.
 *
 * <p>Cells end with a tab; the text after the last tab of a line is not part of a column. A
 * column block is a run of consecutive lines that all have a cell in that column, and its width
 * is the widest cell plus {@code padding}, at least {@code minWidth}. A line without tabs ends
 * every block. Widths are terminal columns: CJK and emoji count two, as Docker's fork of
 * tabwriter counts them with go-runewidth. Vertical tabs end cells like tabs; form feeds end
 * lines and all blocks. Instances are immutable.
 *
 * @param minWidth minimal cell width, padding included
 * @param tabWidth width of a tab when {@code padChar} is a tab
 * @param padding added to each cell's width
 * @param padChar the padding character
 * @param alignRight whether cell text is aligned right
 */
public record TabWriter(int minWidth, int tabWidth, int padding, char padChar, boolean alignRight) {

    public TabWriter {
        if (minWidth < 0 || tabWidth < 0 || padding < 0) {
            throw new IllegalArgumentException("negative minwidth, tabwidth, or padding");
        }
    }

    /** Docker's table writer: {@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}. */
    public static TabWriter docker() {
        return new TabWriter(10, 1, 3, ' ', false);
    }

    private record Cell(String text, int width) {
    }

    /** Aligns the columns of {@code text} and returns the result. */
    public String format(String text) {
        StringBuilder out = new StringBuilder();
        List<List<Cell>> lines = new ArrayList<>();
        lines.add(new ArrayList<>());
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && c != '\u000b' && c != '\n' && c != '\f') {
                cell.append(c);
                continue;
            }
            List<Cell> line = lines.getLast();
            line.add(new Cell(cell.toString(), DisplayWidth.of(cell.toString())));
            cell.setLength(0);
            if (c == '\n' || c == '\f') {
                lines.add(new ArrayList<>());
                if (c == '\f' || line.size() == 1) {
                    // A line with a single cell cannot affect later lines; Go flushes here.
                    flush(out, lines);
                }
            }
        }
        if (!cell.isEmpty()) {
            lines.getLast().add(new Cell(cell.toString(), DisplayWidth.of(cell.toString())));
        }
        flush(out, lines);
        return out.toString();
    }

    private void flush(StringBuilder out, List<List<Cell>> lines) {
        format(out, lines, 0, lines.size(), new ArrayList<>());
        lines.clear();
        lines.add(new ArrayList<>());
    }

    /** Formats lines [line0, line1) knowing the widths of the columns left of this one. */
    private void format(StringBuilder out, List<List<Cell>> lines, int line0, int line1,
            List<Integer> widths) {
        int column = widths.size();
        for (int self = line0; self < line1; self++) {
            if (column >= lines.get(self).size() - 1) {
                continue;
            }
            writeLines(out, lines, line0, self, widths);
            line0 = self;
            int width = minWidth;
            for (; self < line1; self++) {
                List<Cell> line = lines.get(self);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, line.get(column).width() + padding);
            }
            widths.add(width);
            format(out, lines, line0, self, widths);
            widths.removeLast();
            line0 = self;
        }
        writeLines(out, lines, line0, line1, widths);
    }

    private void writeLines(StringBuilder out, List<List<Cell>> lines, int line0, int line1,
            List<Integer> widths) {
        for (int i = line0; i < line1; i++) {
            List<Cell> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                Cell c = line.get(j);
                boolean padded = j < widths.size();
                if (alignRight && padded) {
                    writePadding(out, c.width(), widths.get(j));
                }
                out.append(c.text());
                if (!alignRight && padded) {
                    writePadding(out, c.width(), widths.get(j));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private void writePadding(StringBuilder out, int textWidth, int cellWidth) {
        if (padChar == '\t') {
            if (tabWidth == 0) {
                return;
            }
            int rounded = (cellWidth + tabWidth - 1) / tabWidth * tabWidth;
            int tabs = (rounded - textWidth + tabWidth - 1) / tabWidth;
            out.append("\t".repeat(tabs));
            return;
        }
        out.append(String.valueOf(padChar).repeat(Math.max(0, cellWidth - textWidth)));
    }
}
