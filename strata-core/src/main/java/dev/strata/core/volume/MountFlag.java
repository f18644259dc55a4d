package dev.strata.core.volume;

import dev.strata.core.StrataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code --mount} value: comma-separated {@code key=value} fields (CSV, so a field may be quoted) as the docker
 * CLI reads them, then the daemon's checks. Keys: {@code type} (bind, volume, tmpfs; volume by default),
 * {@code source|src}, {@code target|dst|destination}, {@code readonly|ro}, {@code consistency},
 * {@code bind-propagation}, {@code bind-nonrecursive}, {@code volume-nocopy}, {@code volume-label},
 * {@code volume-driver}, {@code volume-opt}, {@code tmpfs-size}, {@code tmpfs-mode}. Stateless.
 */
final class MountFlag {
    private MountFlag() {}

    static VolumeRequest.Parsed parse(String value, Path workingDirectory) {
        Fields f = new Fields();
        for (String field : Csv.record(value, () -> flagError(value, "bare \" in non-quoted field"))) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                switch (field) {
                    case "readonly", "ro" -> f.readOnly = true;
                    case "volume-nocopy" -> f.volume().noCopy = true;
                    case "bind-nonrecursive" -> f.bind().nonRecursive = true;
                    default -> throw flagError(value, "invalid field '" + field + "' must be a key=value pair");
                }
                continue;
            }
            String key = field.substring(0, eq);
            String val = field.substring(eq + 1);
            switch (key) {
                case "type" -> f.type = val.toLowerCase(Locale.ROOT);
                case "source", "src" -> f.source = val.startsWith("./") || val.equals(".")
                        ? workingDirectory.resolve(val).normalize().toString() : val;
                case "target", "dst", "destination" -> f.target = val;
                case "readonly", "ro" -> f.readOnly = bool(value, key, val);
                case "consistency" -> { } // a Docker Desktop setting; Linux ignores it
                case "bind-propagation" -> f.bind().propagation = val.toLowerCase(Locale.ROOT);
                case "bind-nonrecursive" -> f.bind().nonRecursive = bool(value, key, val);
                case "volume-nocopy" -> f.volume().noCopy = bool(value, key, val);
                case "volume-label" -> keyValue(f.volume().labels, val);
                case "volume-driver" -> f.volume().driver = val;
                case "volume-opt" -> keyValue(f.volume().options, val);
                case "tmpfs-size" -> f.tmpfs().size = tmpfsSize(value, key, val);
                case "tmpfs-mode" -> f.tmpfs().mode = tmpfsMode(value, key, val);
                default -> throw flagError(value, "unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (f.target == null || f.target.isEmpty()) {
            throw flagError(value, "target is required");
        }
        for (String kind : List.of("volume", "bind", "tmpfs")) {
            if (f.has(kind) && !f.type.equals(kind)) {
                throw flagError(value, "cannot mix '" + kind + "-*' options with mount type '" + f.type + "'");
            }
        }
        String problem = Targets.problem(f.target);
        if (problem != null) {
            throw config(f.type, problem);
        }
        String target = Targets.clean(f.target);
        return switch (f.type) {
            case "bind" -> bind(f, target);
            case "volume" -> volume(f, target);
            case "tmpfs" -> tmpfs(f, target);
            default -> throw config(f.type, "mount type unknown");
        };
    }

    private static VolumeRequest.Parsed bind(Fields f, String target) {
        if (f.source == null || f.source.isEmpty()) {
            throw config("bind", "field Source must not be empty");
        }
        if (!f.source.startsWith("/")) {
            throw config("bind", "invalid mount path: '" + f.source + "' mount path must be absolute");
        }
        String propagation = f.bind == null || f.bind.propagation == null ? MountSpec.DEFAULT_PROPAGATION : f.bind.propagation;
        if (!MountSpec.PROPAGATIONS.contains(propagation)) {
            throw config("bind", "invalid propagation mode: " + propagation);
        }
        boolean recursive = f.bind == null || !f.bind.nonRecursive;
        Path host = Path.of(f.source).normalize();
        return new VolumeRequest.Parsed(new MountSpec.Bind(host, target, f.readOnly, propagation, recursive), false);
    }

    private static VolumeRequest.Parsed volume(Fields f, String target) {
        String name = f.source == null || f.source.isEmpty() ? null : f.source;
        if (name == null && f.readOnly) {
            throw config("volume", "must not set ReadOnly mode when using anonymous volumes");
        }
        if (name != null) {
            VolumeNames.check(name);
        }
        VolumeFields v = f.volume == null ? new VolumeFields() : f.volume;
        String driver = v.driver == null || v.driver.isEmpty() ? null : v.driver;
        return new VolumeRequest.Parsed(
                new MountSpec.Volume(name, target, f.readOnly, v.noCopy, driver, v.labels, v.options), false);
    }

    private static VolumeRequest.Parsed tmpfs(Fields f, String target) {
        if (f.source != null && !f.source.isEmpty()) {
            throw config("tmpfs", "field Source must not be specified");
        }
        List<String> options = new ArrayList<>();
        if (f.readOnly) {
            options.add("ro");
        }
        if (f.tmpfs != null && f.tmpfs.mode != 0) {
            options.add("mode=" + Integer.toOctalString(f.tmpfs.mode));
        }
        if (f.tmpfs != null && f.tmpfs.size != 0) {
            options.add("size=" + Sizes.tmpfsSize(f.tmpfs.size));
        }
        return new VolumeRequest.Parsed(new MountSpec.Tmpfs(target, TmpfsOptions.merge(options)), false);
    }

    private static boolean bool(String value, String key, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw flagError(value, "invalid value for " + key + ": " + text);
        };
    }

    private static long tmpfsSize(String value, String key, String text) {
        try {
            return Sizes.ramInBytes(text);
        } catch (IllegalArgumentException e) {
            throw flagError(value, "invalid value for " + key + ": " + text);
        }
    }

    private static int tmpfsMode(String value, String key, String text) {
        try {
            long mode = Long.parseLong(text, 8);
            if (mode < 0 || mode > 0xFFFFFFFFL) {
                throw new NumberFormatException();
            }
            return (int) mode;
        } catch (NumberFormatException e) {
            throw flagError(value, "invalid value for " + key + ": " + text);
        }
    }

    private static void keyValue(Map<String, String> map, String text) {
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        if (!key.isEmpty()) {
            map.put(key, eq < 0 ? "" : text.substring(eq + 1));
        }
    }

    private static StrataException flagError(String value, String why) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                "invalid argument \"" + value + "\" for \"--mount\" flag: " + why);
    }

    private static StrataException config(String type, String why) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                "invalid mount config for type \"" + type + "\": " + why);
    }

    /** What the fields said so far; the option groups exist once a field of their kind appeared. */
    private static final class Fields {
        String type = "volume";
        String source;
        String target;
        boolean readOnly;
        BindFields bind;
        VolumeFields volume;
        TmpfsFields tmpfs;

        BindFields bind() {
            return bind == null ? bind = new BindFields() : bind;
        }

        VolumeFields volume() {
            return volume == null ? volume = new VolumeFields() : volume;
        }

        TmpfsFields tmpfs() {
            return tmpfs == null ? tmpfs = new TmpfsFields() : tmpfs;
        }

        boolean has(String kind) {
            return switch (kind) {
                case "bind" -> bind != null;
                case "volume" -> volume != null;
                default -> tmpfs != null;
            };
        }
    }

    private static final class BindFields {
        String propagation;
        boolean nonRecursive;
    }

    private static final class VolumeFields {
        boolean noCopy;
        String driver;
        final Map<String, String> labels = new HashMap<>();
        final Map<String, String> options = new HashMap<>();
    }

    private static final class TmpfsFields {
        long size;
        int mode;
    }
}
