package dev.strata.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.strata.cli.format.DisplayText;
import dev.strata.cli.format.GoTemplate;
import dev.strata.cli.format.GoTime;
import dev.strata.cli.format.Formatter;
import dev.strata.cli.format.Units;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** How the CLI renders things the Docker way: tables and templates, sizes, times, IDs and inspect JSON. */
public final class Output {

    private Output() {}

    /**
     * Prints items with the user's {@code --format} (a Go template, {@code table …}, {@code json}) or, without
     * one, the command's default table.
     */
    public static void print(Cli cli, String userFormat, String defaultTableFormat, Map<String, String> headers,
            List<Map<String, Object>> items) {
        cli.out().print(new Formatter(headers, defaultTableFormat).render(userFormat, items));
        cli.out().flush();
    }

    /** One object through a Go template, as {@code inspect -f} does. */
    public static String template(String format, Object data) {
        return GoTemplate.parse(format).execute(data);
    }

    public static String size(long bytes) {
        return Units.humanSize(bytes);
    }

    public static String since(Cli cli, String created) {
        return since(cli, ImageConfig.parseTime(created));
    }

    public static String since(Cli cli, Instant created) {
        if (created.equals(Instant.EPOCH)) {
            return "N/A";
        }
        return Units.since(created, cli.clock().instant());
    }

    /** Go's {@code time.Time.String()} in the local zone, as Docker's CreatedAt column shows it. */
    public static String createdAt(Instant created) {
        // Docker's API carries creation times in whole seconds.
        return GoTime.timeString(created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()));
    }

    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.systemDefault()).withNano(0));
    }

    /** A 12-character image ID, or {@code sha256:…} in full. */
    public static String id(Digest digest, boolean noTrunc) {
        return noTrunc ? digest.toString() : digest.shortHex();
    }

    /** Text cut to {@code width} characters with an ellipsis, as Docker's {@code stringutils.Ellipsis}. */
    public static String ellipsis(String text, int width) {
        return DisplayText.ellipsis(text, width);
    }

    /** JSON indented with four spaces and HTML characters escaped, as Docker's inspect prints it. */
    public static String indentedJson(Object value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return InspectJson.MAPPER.writer(printer).with(new GoEscapes()).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded on first use only: data binding is slow to start and most commands never print JSON. */
    private static final class InspectJson {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    /** Go's encoding/json escapes {@code <}, {@code >} and {@code &}. */
    private static final class GoEscapes extends CharacterEscapes {
        private final int[] table;

        GoEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_CUSTOM;
            table['>'] = ESCAPE_CUSTOM;
            table['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }

}
