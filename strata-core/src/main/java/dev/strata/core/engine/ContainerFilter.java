package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code ps --filter}: Docker's container filters. Filters of the same key are alternatives (any may match);
 * filters of different keys must all match.
 */
final class ContainerFilter {
    private ContainerFilter() {}

    /**
     * The predicate for {@code filters} ("key=value" each); {@code find} resolves a container named in
     * {@code before}/{@code since}, {@code imageIds} the image IDs an {@code ancestor} value names.
     */
    static Predicate<Container> parse(List<String> filters, Function<String, Container> find,
            Function<String, List<String>> imageIds) {
        Map<String, List<Predicate<Container>>> byKey = new java.util.LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq <= 0) {
                throw invalid("bad format of filter (expected name=value)");
            }
            String key = filter.substring(0, eq);
            String value = filter.substring(eq + 1);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(one(key, value, find, imageIds));
        }
        return c -> byKey.values().stream().allMatch(any -> any.stream().anyMatch(p -> p.test(c)));
    }

    private static Predicate<Container> one(String key, String value, Function<String, Container> find,
            Function<String, List<String>> imageIds) {
        return switch (key) {
            case "id" -> c -> c.id().startsWith(value);
            case "name" -> {
                Pattern pattern = Pattern.compile(value);
                yield c -> pattern.matcher("/" + c.name()).find();
            }
            case "label" -> {
                int eq = value.indexOf('=');
                yield eq < 0 ? c -> c.record().config().labels().containsKey(value)
                        : c -> value.substring(eq + 1).equals(c.record().config().labels().get(value.substring(0, eq)));
            }
            case "exited" -> {
                int code = parseInt(value);
                yield c -> c.state().status() == ContainerState.Status.exited && c.state().exitCode() == code;
            }
            case "status" -> {
                ContainerState.Status status;
                try {
                    status = ContainerState.Status.valueOf(value);
                } catch (IllegalArgumentException e) {
                    throw invalid("invalid filter 'status=" + value + "'");
                }
                yield c -> c.state().status() == status;
            }
            case "ancestor" -> {
                List<String> ids = imageIds.apply(value);
                yield c -> ids.contains(c.record().imageId());
            }
            case "before" -> {
                String created = find.apply(value).record().created();
                yield c -> c.record().created().compareTo(created) < 0;
            }
            case "since" -> {
                String created = find.apply(value).record().created();
                yield c -> c.record().created().compareTo(created) > 0;
            }
            case "volume" -> c -> c.record().host().mounts().stream()
                    .anyMatch(m -> value.equals(m.name()) || value.equals(m.source()) || value.equals(m.destination()));
            // the container's side of a published port, as Docker's filter takes it (publish=80 finds 32768->80/tcp)
            case "publish" -> c -> c.record().host().ports().stream()
                    .anyMatch(p -> (value.contains("/") ? value : value + "/tcp").equals(p.containerPort() + "/" + p.protocol()));
            case "expose" -> c -> c.record().config().exposedPorts() != null
                    && (c.record().config().exposedPorts().containsKey(value)
                            || c.record().config().exposedPorts().containsKey(value + "/tcp"));
            case "network" -> c -> value.equals(c.record().host().networkMode());
            default -> throw invalid("invalid filter '" + key + "'");
        };
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid("invalid filter 'exited=" + value + "'");
        }
    }

    private static StrataException invalid(String message) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, message);
    }
}
