package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Words being built by the shell lexer: spaces that come from variable values split words, quoted and escaped text
 * never does. Not thread-safe.
 */
final class ShellWords {
    private final List<String> words = new ArrayList<>();
    private final StringBuilder buf = new StringBuilder();
    private boolean inWord;

    void addChar(int ch) {
        if (GoText.isSpace(ch) && inWord) {
            if (!buf.isEmpty()) {
                words.add(buf.toString());
                buf.setLength(0);
                inWord = false;
            }
        } else if (!GoText.isSpace(ch)) {
            addRawChar(ch);
        }
    }

    void addRawChar(int ch) {
        buf.appendCodePoint(ch);
        inWord = true;
    }

    void addString(String s) {
        s.codePoints().forEach(this::addChar);
    }

    void addRawString(String s) {
        buf.append(s);
        inWord = true;
    }

    List<String> finish() {
        if (!buf.isEmpty()) {
            words.add(buf.toString());
            buf.setLength(0);
            inWord = false;
        }
        return List.copyOf(words);
    }
}
