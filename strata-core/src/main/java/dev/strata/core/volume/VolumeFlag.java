package dev.strata.core.volume;

import dev.strata.core.StrataException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code -v}/{@code --volume} value, read as docker 27 reads it: {@code CTR} (an anonymous volume),
 * {@code NAME:CTR[:MODE]} (a named volume) or {@code HOST:CTR[:MODE]} (a bind mount; HOST absolute, or {@code .}
 * or {@code ./...} relative to the working directory). MODE is a comma list with at most one of each kind:
 * {@code ro|rw}, {@code z|Z}, a propagation, {@code nocopy}, a consistency. Stateless.
 */
final class VolumeFlag {
    private static final Map<String, String> MODE_KINDS = modeKinds();

    private VolumeFlag() {}

    static VolumeRequest.Parsed parse(String spec, Path workingDirectory) {
        if (spec.isEmpty()) {
            throw invalid("invalid empty volume spec");
        }
        List<String> parts = List.of(spec.split(":", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw invalid("invalid spec: " + spec + ": empty section between colons");
        }
        if (parts.size() > 3) {
            throw invalid("invalid spec: " + spec + ": too many colons");
        }
        if (parts.size() == 1) {
            String target = target(spec, "volume", parts.getFirst());
            return new VolumeRequest.Parsed(new MountSpec.Volume(null, target, false, false), false);
        }
        if (parts.size() == 2 && validMode(parts.get(1))) {
            // CTR:MODE: an anonymous volume cannot take a mode
            throw invalid("invalid volume specification: '" + spec + "'");
        }
        String source = parts.get(0);
        String mode = parts.size() == 3 ? parts.get(2) : "";
        if (!validMode(mode)) {
            throw invalid("invalid mode: " + mode);
        }
        List<String> modes = mode.isEmpty() ? List.of() : List.of(mode.split(","));
        boolean readOnly = modes.contains("ro");
        boolean noCopy = modes.contains("nocopy");
        String propagation = modes.stream().filter(MountSpec.PROPAGATIONS::contains).findFirst().orElse(null);
        if (source.startsWith("./") || source.equals(".")) {
            source = workingDirectory.resolve(source).normalize().toString();
        }
        if (source.startsWith("/")) {
            String target = target(spec, "bind", parts.get(1));
            if (noCopy) {
                throw invalid(mountConfig(spec, "bind", "field VolumeOptions must not be specified"));
            }
            Path host = Path.of(source).normalize();
            MountSpec.Bind bind = new MountSpec.Bind(host, target, readOnly,
                    propagation == null ? MountSpec.DEFAULT_PROPAGATION : propagation, true);
            return new VolumeRequest.Parsed(bind, true);
        }
        String target = target(spec, "volume", parts.get(1));
        if (propagation != null) {
            throw invalid(mountConfig(spec, "volume", "field BindOptions must not be specified"));
        }
        VolumeNames.check(source);
        return new VolumeRequest.Parsed(new MountSpec.Volume(source, target, readOnly, noCopy), false);
    }

    /** Docker's linuxValidMountMode: known words, at most one of each kind. */
    static boolean validMode(String mode) {
        if (mode.isEmpty()) {
            return true;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String word : mode.split(",", -1)) {
            String kind = MODE_KINDS.get(word);
            if (kind == null || counts.merge(kind, 1, Integer::sum) > 1) {
                return false;
            }
        }
        return true;
    }

    private static String target(String spec, String type, String target) {
        String problem = Targets.problem(target);
        if (problem != null) {
            throw invalid(mountConfig(spec, type, problem));
        }
        return Targets.clean(target);
    }

    private static String mountConfig(String spec, String type, String why) {
        return "invalid volume specification: '" + spec + "': invalid mount config for type \"" + type + "\": " + why;
    }

    private static StrataException invalid(String message) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, message);
    }

    private static Map<String, String> modeKinds() {
        Map<String, String> kinds = new HashMap<>();
        Set.of("ro", "rw").forEach(m -> kinds.put(m, "rw"));
        Set.of("z", "Z").forEach(m -> kinds.put(m, "label"));
        MountSpec.PROPAGATIONS.forEach(m -> kinds.put(m, "propagation"));
        kinds.put("nocopy", "copy");
        Set.of("consistent", "cached", "delegated").forEach(m -> kinds.put(m, "consistency"));
        return Map.copyOf(kinds);
    }
}
