package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.oci.ImageConfig;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The {@code --filter} of {@code images}: dangling, reference, label, before, since (Docker's keys and meaning). */
public final class ImageFilter {
    private final List<Predicate<ImageRow>> tests;

    private ImageFilter(List<Predicate<ImageRow>> tests) {
        this.tests = List.copyOf(tests);
    }

    public static ImageFilter parse(List<String> filters, ImageIndex.Snapshot index) {
        List<Predicate<ImageRow>> tests = new ArrayList<>();
        List<Predicate<ImageRow>> references = new ArrayList<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            String key = eq < 0 ? filter : filter.substring(0, eq);
            String value = eq < 0 ? "" : filter.substring(eq + 1);
            switch (key) {
                case "dangling" -> tests.add(dangling(value));
                case "reference" -> references.add(reference(value));
                case "label" -> tests.add(label(value));
                case "before" -> tests.add(createdBefore(index, value));
                case "since" -> tests.add(createdSince(index, value));
                default -> throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid filter '" + key + "'");
            }
        }
        if (!references.isEmpty()) {
            tests.add(row -> references.stream().anyMatch(p -> p.test(row)));
        }
        return new ImageFilter(tests);
    }

    public boolean isEmpty() {
        return tests.isEmpty();
    }

    public boolean test(ImageRow row) {
        return tests.stream().allMatch(t -> t.test(row));
    }

    private static Predicate<ImageRow> dangling(String value) {
        boolean wanted = switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "invalid filter 'dangling=" + value + "': use true or false");
        };
        return row -> row.image().tags().isEmpty() == wanted;
    }

    private static Predicate<ImageRow> reference(String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return row -> {
            if (row.repository().equals("<none>")) {
                return false;
            }
            return matches(matcher, row.repository())
                    || (!row.tag().equals("<none>") && matches(matcher, row.repository() + ":" + row.tag()));
        };
    }

    private static boolean matches(PathMatcher matcher, String text) {
        return matcher.matches(Path.of(text));
    }

    private static Predicate<ImageRow> label(String value) {
        int eq = value.indexOf('=');
        String key = eq < 0 ? value : value.substring(0, eq);
        String wanted = eq < 0 ? null : value.substring(eq + 1);
        return row -> {
            Map<String, String> labels = row.image().labels();
            return labels.containsKey(key) && (wanted == null || wanted.equals(labels.get(key)));
        };
    }

    private static Predicate<ImageRow> createdBefore(ImageIndex.Snapshot index, String image) {
        Instant limit = createdOf(ImageResolver.resolve(index, image));
        return row -> createdOf(row.image()).isBefore(limit);
    }

    private static Predicate<ImageRow> createdSince(ImageIndex.Snapshot index, String image) {
        Instant limit = createdOf(ImageResolver.resolve(index, image));
        return row -> createdOf(row.image()).isAfter(limit);
    }

    static Instant createdOf(ImageRecord record) {
        return ImageConfig.parseTime(record.created());
    }
}
