package dev.strata.core.runtime;

import dev.strata.core.StrataException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads runc's error output, which is logrus lines such as {@code time="..." level=error msg="container does
 * not exist"}: the words worth showing a user, and the category of failure they mean. Stateless.
 */
public final class RuncErrors {
    private static final Pattern MESSAGE = Pattern.compile("msg=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LEVEL = Pattern.compile("level=(\\w+)");

    private RuncErrors() {}

    /**
     * The messages of the error-level lines of {@code stderr}, joined by "; "; text that is not in logrus form
     * is kept as it is. Blank when there was nothing to say.
     */
    public static String text(String stderr) {
        List<String> messages = new ArrayList<>();
        for (String line : stderr.strip().split("\n")) {
            Matcher message = MESSAGE.matcher(line);
            if (message.find()) {
                Matcher level = LEVEL.matcher(line);
                String severity = level.find() ? level.group(1) : "error";
                if (severity.equals("error") || severity.equals("fatal")) {
                    messages.add(unescape(message.group(1)));
                }
            } else if (!line.isBlank()) {
                messages.add(line.strip());
            }
        }
        return String.join("; ", messages);
    }

    /** The category of a failure from runc's message. */
    public static Kind kind(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("does not exist")) {
            return Kind.NOT_FOUND;
        }
        if (text.contains("already exists") || text.contains("not running") || text.contains("has stopped")
                || text.contains("not paused") || text.contains("is paused") || text.contains("not in created state")
                || text.contains("cannot start") || text.contains("cannot delete")
                || text.contains("container is running")) {
            return Kind.CONFLICT;
        }
        return Kind.SYSTEM;
    }

    private static String unescape(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                char next = quoted.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
