package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** LABEL: one or more labels, {@code k=v k2="v 2"} or the legacy {@code LABEL k v}. */
public record Label(Origin origin, List<KeyValue> labels) implements Instruction {
    public Label {
        Objects.requireNonNull(origin, "origin");
        labels = List.copyOf(labels);
    }

    @Override
    public Label expand(Expander expander, Map<String, String> env) {
        return new Label(origin, new Expansion(origin, expander, env).pairs(labels));
    }
}
