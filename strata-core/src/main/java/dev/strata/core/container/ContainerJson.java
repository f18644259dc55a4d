package dev.strata.core.container;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.JsonPullParser;
import dev.strata.core.oci.JsonToken;
import dev.strata.core.oci.JsonWriting;
import dev.strata.core.oci.StreamingJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON of a container's record and state files, on the streaming API ({@code run} reads and writes them on its
 * way to starting the process). Docker's field names, every field written ({@code null}s too), in the order the
 * data-binding codec had, so files written before still read and files written now read in older versions.
 */
final class ContainerJson {
    private ContainerJson() {}

    static ContainerRecord readRecord(byte[] raw) {
        return StreamingJson.parse(raw, "container record", p -> {
            String id = null;
            String name = null;
            String created = null;
            String imageName = null;
            String imageId = null;
            List<Digest> layers = null;
            String path = null;
            List<String> args = null;
            RunConfig config = null;
            HostSettings host = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "Id" -> id = StreamingJson.string(p);
                    case "Name" -> name = StreamingJson.string(p);
                    case "Created" -> created = StreamingJson.string(p);
                    case "ImageName" -> imageName = StreamingJson.string(p);
                    case "ImageId" -> imageId = StreamingJson.string(p);
                    case "Layers" -> layers = StreamingJson.list(p, StreamingJson::digest, false);
                    case "Path" -> path = StreamingJson.string(p);
                    case "Args" -> args = StreamingJson.strings(p, false);
                    case "Config" -> config = runConfig(p);
                    case "Host" -> host = HostJson.read(p);
                    default -> p.skipChildren();
                }
            }
            if (id == null || name == null || layers == null) {
                throw new IllegalArgumentException("the record lacks its Id, Name or Layers");
            }
            return new ContainerRecord(id, name, created, imageName, imageId, layers, path, args, config, host);
        });
    }

    private static RunConfig runConfig(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        RunConfigFields f = new RunConfigFields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "Hostname" -> f.hostname = StreamingJson.string(p);
                case "Domainname" -> f.domainname = StreamingJson.string(p);
                case "User" -> f.user = StreamingJson.string(p);
                case "AttachStdin" -> f.attachStdin = StreamingJson.bool(p);
                case "AttachStdout" -> f.attachStdout = StreamingJson.bool(p);
                case "AttachStderr" -> f.attachStderr = StreamingJson.bool(p);
                case "ExposedPorts" -> f.exposedPorts = StreamingJson.map(p, StreamingJson::objectMap, true);
                case "Tty" -> f.tty = StreamingJson.bool(p);
                case "OpenStdin" -> f.openStdin = StreamingJson.bool(p);
                case "StdinOnce" -> f.stdinOnce = StreamingJson.bool(p);
                case "Env" -> f.env = StreamingJson.strings(p, false);
                case "Cmd" -> f.cmd = StreamingJson.strings(p, true);
                case "Image" -> f.image = StreamingJson.string(p);
                case "Volumes" -> f.volumes = StreamingJson.map(p, StreamingJson::objectMap, true);
                case "WorkingDir" -> f.workingDir = StreamingJson.string(p);
                case "Entrypoint" -> f.entrypoint = StreamingJson.strings(p, true);
                case "OnBuild" -> f.onBuild = StreamingJson.strings(p, true);
                case "Labels" -> f.labels = StreamingJson.stringMap(p, false);
                case "StopSignal" -> f.stopSignal = StreamingJson.string(p);
                case "StopTimeout" -> f.stopTimeout = StreamingJson.integer(p);
                default -> p.skipChildren();
            }
        }
        return new RunConfig(f.hostname, f.domainname, f.user, f.attachStdin, f.attachStdout, f.attachStderr,
                f.exposedPorts, f.tty, f.openStdin, f.stdinOnce, f.env, f.cmd, f.image, f.volumes, f.workingDir,
                f.entrypoint, f.onBuild, f.labels, f.stopSignal, f.stopTimeout);
    }

    /** RunConfig's fields while they are read: too many for locals a switch can assign. */
    private static final class RunConfigFields {
        String hostname;
        String domainname;
        String user;
        boolean attachStdin;
        boolean attachStdout;
        boolean attachStderr;
        Map<String, Map<String, Object>> exposedPorts;
        boolean tty;
        boolean openStdin;
        boolean stdinOnce;
        List<String> env;
        List<String> cmd;
        String image;
        Map<String, Map<String, Object>> volumes;
        String workingDir;
        List<String> entrypoint;
        List<String> onBuild;
        Map<String, String> labels;
        String stopSignal;
        Integer stopTimeout;
    }

    static ContainerState readState(byte[] raw) {
        return StreamingJson.parse(raw, "container state", p -> {
            ContainerState.Status status = null;
            int pid = 0;
            int monitorPid = 0;
            int networkPid = 0;
            int exitCode = 0;
            String error = null;
            String startedAt = null;
            String finishedAt = null;
            int restartCount = 0;
            boolean cleanedUp = false;
            List<HostSettings.PublishedPort> ports = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "Status" -> status = StreamingJson.enumValue(p, ContainerState.Status.class);
                    case "Pid" -> pid = StreamingJson.intValue(p);
                    case "MonitorPid" -> monitorPid = StreamingJson.intValue(p);
                    case "NetworkPid" -> networkPid = StreamingJson.intValue(p);
                    case "ExitCode" -> exitCode = StreamingJson.intValue(p);
                    case "Error" -> error = StreamingJson.string(p);
                    case "StartedAt" -> startedAt = StreamingJson.string(p);
                    case "FinishedAt" -> finishedAt = StreamingJson.string(p);
                    case "RestartCount" -> restartCount = StreamingJson.intValue(p);
                    case "CleanedUp" -> cleanedUp = StreamingJson.bool(p);
                    case "Ports" -> ports = StreamingJson.list(p, HostJson::port, false);
                    default -> p.skipChildren();
                }
            }
            return new ContainerState(status, pid, monitorPid, networkPid, exitCode, error, startedAt, finishedAt,
                    restartCount, cleanedUp, ports);
        });
    }

    static byte[] write(ContainerRecord record) {
        return StreamingJson.write(record, (g, r) -> {
            g.writeStartObject();
            JsonWriting.string(g, "Id", r.id());
            JsonWriting.string(g, "Name", r.name());
            JsonWriting.string(g, "Created", r.created());
            JsonWriting.string(g, "ImageName", r.imageName());
            JsonWriting.string(g, "ImageId", r.imageId());
            JsonWriting.list(g, "Layers", r.layers(), (gen, d) -> gen.writeString(d.toString()));
            JsonWriting.string(g, "Path", r.path());
            JsonWriting.strings(g, "Args", r.args());
            g.writeFieldName("Config");
            if (r.config() == null) {
                g.writeNull();
            } else {
                runConfig(g, r.config());
            }
            g.writeFieldName("Host");
            HostJson.write(g, r.host());
            g.writeEndObject();
        });
    }

    private static void runConfig(JsonGenerator g, RunConfig c) throws IOException {
        g.writeStartObject();
        JsonWriting.string(g, "Hostname", c.hostname());
        JsonWriting.string(g, "Domainname", c.domainname());
        JsonWriting.string(g, "User", c.user());
        g.writeBooleanField("AttachStdin", c.attachStdin());
        g.writeBooleanField("AttachStdout", c.attachStdout());
        g.writeBooleanField("AttachStderr", c.attachStderr());
        JsonWriting.map(g, "ExposedPorts", c.exposedPorts());
        g.writeBooleanField("Tty", c.tty());
        g.writeBooleanField("OpenStdin", c.openStdin());
        g.writeBooleanField("StdinOnce", c.stdinOnce());
        JsonWriting.strings(g, "Env", c.env());
        JsonWriting.strings(g, "Cmd", c.cmd());
        JsonWriting.string(g, "Image", c.image());
        JsonWriting.map(g, "Volumes", c.volumes());
        JsonWriting.string(g, "WorkingDir", c.workingDir());
        JsonWriting.strings(g, "Entrypoint", c.entrypoint());
        JsonWriting.strings(g, "OnBuild", c.onBuild());
        JsonWriting.map(g, "Labels", c.labels());
        JsonWriting.string(g, "StopSignal", c.stopSignal());
        g.writeFieldName("StopTimeout");
        if (c.stopTimeout() == null) {
            g.writeNull();
        } else {
            g.writeNumber(c.stopTimeout());
        }
        g.writeEndObject();
    }

    static byte[] write(ContainerState state) {
        return StreamingJson.write(state, (g, s) -> {
            g.writeStartObject();
            JsonWriting.string(g, "Status", s.status() == null ? null : s.status().name());
            g.writeNumberField("Pid", s.pid());
            g.writeNumberField("MonitorPid", s.monitorPid());
            g.writeNumberField("NetworkPid", s.networkPid());
            g.writeNumberField("ExitCode", s.exitCode());
            JsonWriting.string(g, "Error", s.error());
            JsonWriting.string(g, "StartedAt", s.startedAt());
            JsonWriting.string(g, "FinishedAt", s.finishedAt());
            g.writeNumberField("RestartCount", s.restartCount());
            g.writeBooleanField("CleanedUp", s.cleanedUp());
            JsonWriting.list(g, "Ports", s.ports(), HostJson::port);
            g.writeEndObject();
        });
    }
}
