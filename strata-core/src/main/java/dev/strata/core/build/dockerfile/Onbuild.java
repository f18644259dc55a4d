package dev.strata.core.build.dockerfile;

import java.util.Objects;

/**
 * ONBUILD: a trigger instruction for builds that use this image as their base. {@code expression} is the trigger
 * as Docker stores it in the image config's {@code OnBuild} list (the text after ONBUILD, heredoc bodies appended);
 * {@code trigger} is that text parsed. The trigger is not expanded here but when it runs in the later build.
 */
public record Onbuild(Origin origin, Instruction trigger, String expression) implements Instruction {
    public Onbuild {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(expression, "expression");
        if (trigger instanceof Onbuild || trigger instanceof From || trigger instanceof Maintainer) {
            throw new IllegalArgumentException("not an ONBUILD trigger: " + trigger.origin().keyword());
        }
    }
}
