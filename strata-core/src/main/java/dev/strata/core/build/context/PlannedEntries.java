package dev.strata.core.build.context;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a {@link CopyPlan}, made only when first asked for: a build whose step is cached needs the
 * checksum and never the entries, and a context of thousands of files would otherwise make thousands of them
 * for nothing. Immutable once built; thread-safe.
 */
final class PlannedEntries extends AbstractList<PlannedEntry> {
    /**
     * The files of one source, and how their context paths map into the image; a single file's target is decided
     * when the entries are made (it may depend on the image, which a cached step never needs to look at).
     */
    record Segment(int source, List<ContextFile> files, String destination, int cut,
            java.util.function.Supplier<String> singleTarget) {}

    private final List<Segment> segments;
    private volatile List<PlannedEntry> entries;

    PlannedEntries(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    private List<PlannedEntry> entries() {
        List<PlannedEntry> made = entries;
        if (made == null) {
            List<PlannedEntry> list = new ArrayList<>();
            for (Segment segment : segments) {
                List<ContextFile> files = new ArrayList<>(segment.files());
                files.sort((x, y) -> comparePaths(x.path(), y.path()));
                for (ContextFile file : files) {
                    String target = segment.singleTarget() != null ? segment.singleTarget().get()
                            : under(segment.destination(), file.path().substring(segment.cut()));
                    list.add(PlannedEntry.of(segment.source(), file, target));
                }
            }
            made = List.copyOf(list);
            entries = made;
        }
        return made;
    }

    /** Depth-first order: component by component, so that a directory's whole tree comes before its next sibling. */
    static int comparePaths(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char a = x.charAt(i);
            char b = y.charAt(i);
            if (a != b) {
                return a == '/' ? -1 : b == '/' ? 1 : Character.compare(a, b);
            }
        }
        return Integer.compare(x.length(), y.length());
    }

    static String under(String directory, String relative) {
        return directory.equals("/") ? "/" + relative : directory + "/" + relative;
    }

    @Override
    public PlannedEntry get(int index) {
        return entries().get(index);
    }

    @Override
    public int size() {
        int size = 0;
        for (Segment segment : segments) {
            size += segment.files().size();
        }
        return size;
    }
}
