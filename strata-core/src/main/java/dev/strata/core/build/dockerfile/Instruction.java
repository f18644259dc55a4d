package dev.strata.core.build.dockerfile;

import java.util.Map;

/**
 * One parsed Dockerfile instruction. Arguments are kept as written; those Docker expands (ADD, COPY, ENV, EXPOSE,
 * FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR) still carry their quotes, escapes and variables until
 * {@link #expand} is called with the environment in force at that step (see {@link ArgScope#expansionEnv}).
 */
public sealed interface Instruction permits From, Run, Cmd, Entrypoint, Shell, Label, Maintainer, Expose, Env, Add,
        Copy, Volume, User, Workdir, Arg, Onbuild, Stopsignal, Healthcheck {
    /** Where the instruction came from, with its original text. */
    Origin origin();

    /**
     * The instruction with variables substituted and quotes removed from the words Docker expands, using
     * {@code env} (ARG values overlaid by ENV); an instruction Docker does not expand returns itself. A bad
     * expression fails with a {@link DockerfileException} at the instruction's line.
     */
    default Instruction expand(Expander expander, Map<String, String> env) {
        return this;
    }
}
