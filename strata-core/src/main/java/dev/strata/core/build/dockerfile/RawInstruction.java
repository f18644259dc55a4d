package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * One instruction as the line parser leaves it, before its arguments are checked: the keyword as written, the
 * {@code --flags}, the argument words (ENV and LABEL as key, value, separator triples; ONBUILD as the trigger's
 * keyword and arguments), whether they were a JSON array, the ONBUILD trigger, heredocs, the logical line and the
 * lines it spans.
 */
record RawInstruction(String keyword, List<String> flags, List<String> args, boolean json, RawInstruction trigger,
                      String original, List<Heredoc> heredocs, int startLine, int endLine) {
    RawInstruction {
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        heredocs = List.copyOf(heredocs);
    }

    String command() {
        return keyword.toLowerCase(Locale.ROOT);
    }

    /** RUN, COPY and ADD in shell form, also as an ONBUILD trigger, may carry heredocs. */
    boolean canContainHeredoc() {
        RawInstruction node = command().equals("onbuild") && trigger != null ? trigger : this;
        String c = node.command();
        return (c.equals("run") || c.equals("copy") || c.equals("add")) && !node.json;
    }

    RawInstruction with(List<Heredoc> docs, int start, int end) {
        return new RawInstruction(keyword, flags, args, json, trigger, original, docs, start, end);
    }
}
