package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Expands the words of one instruction, placing any error at its line. */
record Expansion(Origin origin, Expander expander, Map<String, String> env) {
    String word(String word) {
        try {
            return expander.expand(word, env);
        } catch (DockerfileException e) {
            throw e.withLocation(origin.fileName(), origin.startLine());
        }
    }

    Optional<String> word(Optional<String> word) {
        return word.map(this::word);
    }

    List<String> each(List<String> words) {
        return words.stream().map(this::word).toList();
    }

    List<String> split(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            try {
                out.addAll(expander.expandWords(w, env));
            } catch (DockerfileException e) {
                throw e.withLocation(origin.fileName(), origin.startLine());
            }
        }
        return out;
    }

    List<KeyValue> pairs(List<KeyValue> pairs) {
        return pairs.stream().map(p -> new KeyValue(word(p.key()), word(p.value()), p.legacy())).toList();
    }

    List<Heredoc> heredocs(List<Heredoc> docs) {
        return docs.stream().map(d -> {
            if (!d.expand()) {
                return d;
            }
            try {
                // Docker strips the tabs of <<- first and expands the result
                String content = expander.expandHeredoc(d.text(), env);
                return new Heredoc(d.name(), content, true, false, d.fileDescriptor());
            } catch (DockerfileException e) {
                throw e.withLocation(origin.fileName(), origin.startLine());
            }
        }).toList();
    }
}
