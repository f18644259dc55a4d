package dev.strata.cli.format;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a list of items with a user's {@code --format} exactly as the docker CLI's formatter
 * does, for commands such as {@code images}, {@code history} and {@code ps}.
 *
 * <p>A table format prints a header and then one line per item, aligned by {@link TabWriter}. The
 * header is the same template executed against a header context, a map from field name to column
 * title (plus Docker's {@code .Label "a.b"} method, which titles a label column "b"), with the
 * string functions made identities: {@code table {{.Repository}}:{{.Tag}}} gets the header
 * {@code REPOSITORY:TAG}. Other formats print one line per item, unaligned and without a header.
 * Items are usually {@code Map<String, ?>} rows. Instances are immutable and thread-safe.
 *
 * @param headers column titles by field name, such as "ID" to "IMAGE ID"
 * @param defaultFormat the format used for an empty {@code --format} or the bare word "table"
 */
public record Formatter(Map<String, String> headers, String defaultFormat) {

    public Formatter {
        headers = Map.copyOf(headers);
        if (defaultFormat == null) {
            throw new IllegalArgumentException("default format must not be null");
        }
    }

    /**
     * Renders {@code items} with {@code format}; each item's line ends with a newline.
     *
     * @throws TemplateException when the format does not parse or an item cannot be rendered
     */
    public String render(String format, List<?> items) {
        String chosen = format == null || format.isEmpty() || format.equals(Format.TABLE)
                ? defaultFormat : format;
        Format spec = new Format(chosen);
        GoTemplate template = GoTemplate.parse(spec.templateText());
        StringBuilder body = new StringBuilder();
        for (Object item : items) {
            template.executeInto(row(item), DockerFunctions.forData(), body);
            body.append('\n');
        }
        if (!spec.isTable()) {
            return body.toString();
        }
        return TabWriter.docker().format(header(template) + "\n" + body);
    }

    private String header(GoTemplate template) {
        StringBuilder out = new StringBuilder();
        try {
            template.executeInto(headerContext(), DockerFunctions.forHeader(), out);
        } catch (TemplateException e) {
            // Docker ignores errors while rendering the header and prints what was written so
            // far; the rows have already been rendered with the real data at this point.
            return out.toString();
        }
        return out.toString();
    }

    private Map<String, Object> headerContext() {
        Map<String, Object> context = new HashMap<>(headers);
        context.putIfAbsent("Label", (TemplateMethod) Formatter::labelHeader);
        return context;
    }

    /** Docker's SubHeaderContext.Label: the last dotted part, with '-' and '_' as spaces. */
    private static String labelHeader(List<Object> args) {
        if (args.size() != 1 || !(args.getFirst() instanceof String name)) {
            throw new IllegalArgumentException("Label takes one string");
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.replace('-', ' ').replace('_', ' ');
    }

    private static Object row(Object item) {
        if (item instanceof Map<?, ?> map && !(item instanceof RowContext)) {
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) map;
            return new RowContext(fields);
        }
        return item;
    }
}
