package dev.strata.core.build.dockerfile;

import dev.strata.core.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one logical line into a {@link RawInstruction}, with each keyword's own way of reading its arguments:
 * JSON or shell form, JSON or whitespace-separated words, key=value pairs, one string, or a nested instruction.
 * Problems found here are reported without a line; the caller adds it.
 */
final class LineParser {
    private LineParser() {}

    static RawInstruction parse(String line, char escape) {
        Tokenizer.Split split = Tokenizer.splitCommand(line, escape);
        String rest = split.rest();
        List<String> args = List.of();
        boolean json = false;
        RawInstruction trigger = null;
        switch (split.keyword().toLowerCase(Locale.ROOT)) {
            case "add", "copy", "volume" -> {
                List<String> array = JsonArgs.parse(rest);
                json = array != null;
                args = json ? array : fields(rest);
            }
            case "cmd", "entrypoint", "run", "shell" -> {
                List<String> array = rest.isEmpty() ? null : JsonArgs.parse(rest);
                json = array != null;
                args = json ? array : single(rest);
            }
            case "healthcheck" -> {
                int sep = 0;
                while (sep < rest.length() && !GoText.isSpace(rest.charAt(sep))) {
                    sep++;
                }
                int next = sep;
                while (next < rest.length() && GoText.isSpace(rest.charAt(next))) {
                    next++;
                }
                if (sep > 0) {
                    String command = rest.substring(next);
                    List<String> array = command.isEmpty() ? null : JsonArgs.parse(command);
                    json = array != null;
                    List<String> all = new ArrayList<>(List.of(rest.substring(0, sep)));
                    all.addAll(json ? array : single(command));
                    args = all;
                }
            }
            case "env" -> args = nameValues(rest, "ENV", escape);
            case "label" -> args = nameValues(rest, "LABEL", escape);
            case "arg" -> args = Tokenizer.words(rest, escape);
            case "expose", "from" -> args = fields(rest);
            case "maintainer", "stopsignal", "user", "workdir" -> args = single(rest);
            case "onbuild" -> {
                if (!rest.isEmpty()) {
                    trigger = parse(rest, escape);
                    List<String> all = new ArrayList<>(List.of(trigger.keyword()));
                    all.addAll(trigger.args());
                    args = all;
                }
            }
            default -> {
                // an unknown keyword keeps no arguments; the instruction parser reports it
            }
        }
        return new RawInstruction(split.keyword(), split.flags(), args, json, trigger, line, List.of(), 0, 0);
    }

    private static List<String> single(String rest) {
        return rest.isEmpty() ? List.of() : List.of(rest);
    }

    private static List<String> fields(String rest) {
        return rest.isEmpty() ? List.of() : GoText.splitWhitespace(rest, -1);
    }

    /** {@code k=v k2="v 2"} as key, value, "=" triples; the legacy {@code k value...} as key, value, "". */
    private static List<String> nameValues(String rest, String keyword, char escape) {
        List<String> words = Tokenizer.words(rest, escape);
        if (words.isEmpty()) {
            return List.of();
        }
        if (!words.get(0).contains("=")) {
            List<String> parts = GoText.splitWhitespace(rest, 2);
            if (parts.size() < 2) {
                throw DockerfileException.problem(keyword + " must have two arguments");
            }
            return List.of(parts.get(0), parts.get(1), "");
        }
        List<String> args = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw DockerfileException.problem("Syntax error - can't find = in " + GoQuote.quote(word)
                        + ". Must be of the form: name=value");
            }
            args.add(word.substring(0, eq));
            args.add(word.substring(eq + 1));
            args.add("=");
        }
        return args;
    }
}
