package dev.strata.core.build;

import dev.strata.core.build.context.GoPaths;
import dev.strata.core.build.dockerfile.Arg;
import dev.strata.core.build.dockerfile.ArgDefinition;
import dev.strata.core.build.dockerfile.Cmd;
import dev.strata.core.build.dockerfile.Entrypoint;
import dev.strata.core.build.dockerfile.Env;
import dev.strata.core.build.dockerfile.Expose;
import dev.strata.core.build.dockerfile.Healthcheck;
import dev.strata.core.build.dockerfile.Instruction;
import dev.strata.core.build.dockerfile.KeyValue;
import dev.strata.core.build.dockerfile.Label;
import dev.strata.core.build.dockerfile.Maintainer;
import dev.strata.core.build.dockerfile.Onbuild;
import dev.strata.core.build.dockerfile.Shell;
import dev.strata.core.build.dockerfile.Stopsignal;
import dev.strata.core.build.dockerfile.User;
import dev.strata.core.build.dockerfile.Volume;
import dev.strata.core.build.dockerfile.Workdir;
import dev.strata.core.container.RunConfigs;
import dev.strata.core.oci.ContainerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The image config as a build stage changes it, instruction by instruction, the way Docker's builder does:
 * ENV replaces a variable in place, EXPOSE and VOLUME add to sets, a relative WORKDIR is taken from the current one,
 * ENTRYPOINT clears a CMD inherited from the base image, and so on. Immutable.
 *
 * @param config the execution config so far
 * @param author the image's author (MAINTAINER), or null
 * @param cmdSet whether a CMD was given in this stage (an ENTRYPOINT then keeps it)
 */
public record StageConfig(ContainerConfig config, String author, boolean cmdSet) {
    /** The shell a stage starts with, when the image sets none. */
    public static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    /** A stage on an image with this config and author. */
    public static StageConfig of(ContainerConfig config, String author) {
        return new StageConfig(config == null ? ContainerConfig.EMPTY : config, author, false);
    }

    /** The PATH a stage gets when its base image sets none, as Docker's builder gives every Linux stage. */
    public static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The config with Docker's default PATH first in the environment, unless it has a PATH already. */
    public StageConfig withDefaultPath() {
        if (env().stream().anyMatch(e -> e.startsWith("PATH="))) {
            return this;
        }
        ContainerConfig.Builder b = config.toBuilder();
        List<String> env = new ArrayList<>();
        env.add(DEFAULT_PATH);
        env.addAll(env());
        b.env = List.copyOf(env);
        return new StageConfig(b.build(), author, cmdSet);
    }

    /** The shell that runs shell-form commands: SHELL's, or {@code /bin/sh -c}. */
    public List<String> shell() {
        return config.shell() == null || config.shell().isEmpty() ? DEFAULT_SHELL : config.shell();
    }

    /** The environment, {@code KEY=value}. */
    public List<String> env() {
        return config.env() == null ? List.of() : config.env();
    }

    /** A metadata instruction applied: the next state and the history text Docker records for it. */
    public record Applied(StageConfig next, String createdBy) {}

    /**
     * Applies a metadata instruction (already expanded); RUN, COPY, ADD and FROM are not metadata and are refused.
     * WORKDIR only changes the config here: creating the directory is the builder's part.
     */
    public Applied apply(Instruction instruction) {
        ContainerConfig.Builder b = config.toBuilder();
        String author = this.author;
        boolean cmd = cmdSet;
        String text;
        switch (instruction) {
            case Env e -> {
                List<String> pairs = e.variables().stream().map(KeyValue::toString).toList();
                b.env = RunConfigs.mergeEnvironment(env(), pairs); // a variable set again keeps its place
                text = "ENV " + String.join(" ", pairs);
            }
            case Label l -> {
                Map<String, String> labels = new TreeMap<>(config.labels() == null ? Map.of() : config.labels());
                for (KeyValue kv : l.labels()) {
                    labels.put(kv.key(), kv.value());
                }
                b.labels = labels;
                text = "LABEL " + String.join(" ", l.labels().stream().map(KeyValue::toString).toList());
            }
            case Maintainer m -> {
                author = m.maintainer();
                text = "MAINTAINER " + m.maintainer();
            }
            case Expose x -> {
                Map<String, Map<String, Object>> ports = new TreeMap<>(
                        config.exposedPorts() == null ? Map.of() : config.exposedPorts());
                for (String port : x.ports()) {
                    for (String p : ExposedPorts.expand(port)) {
                        ports.put(p, Map.of());
                    }
                }
                b.exposedPorts = ports;
                text = "EXPOSE " + String.join(" ", x.ports());
            }
            case Volume v -> {
                Map<String, Map<String, Object>> volumes = new TreeMap<>(
                        config.volumes() == null ? Map.of() : config.volumes());
                for (String path : v.paths()) {
                    volumes.put(path, Map.of());
                }
                b.volumes = volumes;
                text = "VOLUME " + GoFormat.list(v.paths());
            }
            case User u -> {
                b.user = u.user();
                text = "USER " + u.user();
            }
            case Workdir w -> {
                b.workingDir = workdir(config.workingDir(), w.path());
                text = "WORKDIR " + b.workingDir;
            }
            case Cmd c -> {
                b.cmd = c.command().withShell(shell());
                cmd = true;
                text = "CMD " + GoFormat.quotedList(b.cmd);
            }
            case Entrypoint e -> {
                b.entrypoint = e.command().withShell(shell());
                if (!cmdSet) {
                    b.cmd = null; // Docker: an ENTRYPOINT drops the CMD the base image set
                }
                text = "ENTRYPOINT " + GoFormat.quotedList(b.entrypoint);
            }
            case Shell s -> {
                b.shell = s.shell();
                text = "SHELL " + GoFormat.list(s.shell());
            }
            case Stopsignal s -> {
                b.stopSignal = s.signal();
                text = "STOPSIGNAL " + s.signal();
            }
            case Healthcheck h -> {
                b.healthcheck = healthcheck(h);
                text = "HEALTHCHECK " + GoFormat.healthcheck(h);
            }
            case Onbuild o -> {
                List<String> triggers = new ArrayList<>(config.onBuild() == null ? List.of() : config.onBuild());
                triggers.add(o.expression());
                b.onBuild = List.copyOf(triggers);
                text = "ONBUILD " + o.expression();
            }
            case Arg a -> text = "ARG " + String.join(" ", a.args().stream().map(StageConfig::argText).toList());
            default -> throw new IllegalArgumentException(instruction.origin().keyword() + " is not a metadata instruction");
        }
        StageConfig next = new StageConfig(b.build(), author, cmd);
        // WORKDIR's comment has one space after "#(nop)", the others two: Docker builds the two texts differently
        // the comment is made with the config as the step left it: after SHELL, in the new shell (as Docker)
        String createdBy = String.join(" ", next.shell()) + (instruction instanceof Workdir ? " #(nop) " : " #(nop)  ")
                + text;
        return new Applied(next, createdBy);
    }

    /** Docker's WORKDIR rule: a relative path continues the current one ({@code /} when none). */
    public static String workdir(String current, String path) {
        if (path.startsWith("/")) {
            return GoPaths.clean(path);
        }
        String base = current == null || current.isEmpty() ? "/" : current;
        return GoPaths.clean(base + "/" + path);
    }

    private static String argText(ArgDefinition d) {
        return d.defaultValue().map(v -> d.name() + "=" + v).orElse(d.name());
    }

    /** The config's {@code Healthcheck}, durations in nanoseconds as Docker stores them; unset ones left out. */
    private static Map<String, Object> healthcheck(Healthcheck h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Test", h.test());
        if (!h.isNone()) {
            putDuration(m, "Interval", h.interval());
            putDuration(m, "Timeout", h.timeout());
            putDuration(m, "StartPeriod", h.startPeriod());
            putDuration(m, "StartInterval", h.startInterval());
            if (h.retries() > 0) {
                m.put("Retries", h.retries());
            }
        }
        return m;
    }

    private static void putDuration(Map<String, Object> m, String key, java.time.Duration d) {
        if (!d.isZero()) {
            m.put(key, d.toNanos());
        }
    }
}
