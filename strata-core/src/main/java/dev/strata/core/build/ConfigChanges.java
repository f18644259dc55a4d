package dev.strata.core.build;

import dev.strata.core.StrataException;
import dev.strata.core.build.dockerfile.ArgScope;
import dev.strata.core.build.dockerfile.Dockerfile;
import dev.strata.core.build.dockerfile.DockerfileException;
import dev.strata.core.build.dockerfile.Expander;
import dev.strata.core.build.dockerfile.Instruction;
import dev.strata.core.oci.ContainerConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies Dockerfile instructions that only change an image's config, as {@code import -c} and {@code commit -c}
 * take them: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR. They are parsed and
 * applied exactly as a build's steps are (the Dockerfile parser, variable substitution from the config's
 * environment, {@link StageConfig}), as Docker's commit runs its changes through its builder.
 */
public final class ConfigChanges {
    private static final List<String> ALLOWED =
            List.of("CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "ONBUILD", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

    private ConfigChanges() {}

    public static ContainerConfig apply(ContainerConfig config, List<String> changes) {
        StageConfig state = StageConfig.of(config, null);
        Expander expander = Expander.standard();
        ArgScope noArgs = ArgScope.start(expander, Map.of(), Map.of()); // a change sees the config's variables only
        for (String change : changes) {
            String text = change.strip();
            String keyword = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (!ALLOWED.contains(keyword)) {
                throw invalid(change, keyword.toLowerCase(Locale.ROOT) + " is not a valid change command (use one of "
                        + String.join(", ", ALLOWED) + ")");
            }
            if (text.length() == keyword.length()) {
                throw invalid(change, keyword + " requires at least one argument");
            }
            try {
                Instruction instruction = Dockerfile.parseInstruction(text, "--change")
                        .expand(expander, noArgs.expansionEnv(state.env()));
                state = state.apply(instruction).next();
            } catch (DockerfileException e) {
                throw invalid(change, e.problem());
            } catch (StrataException e) {
                throw invalid(change, e.getMessage());
            }
        }
        return state.config();
    }

    private static StrataException invalid(String change, String why) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot apply change \"" + change + "\": " + why);
    }
}
