package dev.strata.core.container;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.core.oci.JsonPullParser;
import dev.strata.core.oci.JsonToken;
import dev.strata.core.oci.JsonWriting;
import dev.strata.core.oci.StreamingJson;
import java.io.IOException;
import java.util.List;

/** JSON of a container's {@link HostSettings}, its mounts and published ports, for {@link ContainerJson}. */
final class HostJson {
    private HostJson() {}

    static HostSettings read(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        List<HostSettings.ContainerMount> mounts = null;
        List<HostSettings.PublishedPort> ports = null;
        boolean publishAllPorts = false;
        String networkMode = null;
        boolean readOnlyRootfs = false;
        boolean autoRemove = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "Mounts" -> mounts = StreamingJson.list(p, HostJson::mount, false);
                case "Ports" -> ports = StreamingJson.list(p, HostJson::port, false);
                case "PublishAllPorts" -> publishAllPorts = StreamingJson.bool(p);
                case "NetworkMode" -> networkMode = StreamingJson.string(p);
                case "ReadonlyRootfs" -> readOnlyRootfs = StreamingJson.bool(p);
                case "AutoRemove" -> autoRemove = StreamingJson.bool(p);
                default -> p.skipChildren();
            }
        }
        return new HostSettings(mounts, ports, publishAllPorts, networkMode, readOnlyRootfs, autoRemove);
    }

    private static HostSettings.ContainerMount mount(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        String type = null;
        String name = null;
        String source = null;
        String destination = null;
        boolean readOnly = false;
        String options = null;
        boolean anonymous = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "Type" -> type = StreamingJson.string(p);
                case "Name" -> name = StreamingJson.string(p);
                case "Source" -> source = StreamingJson.string(p);
                case "Destination" -> destination = StreamingJson.string(p);
                case "ReadOnly" -> readOnly = StreamingJson.bool(p);
                case "Options" -> options = StreamingJson.string(p);
                case "Anonymous" -> anonymous = StreamingJson.bool(p);
                default -> p.skipChildren();
            }
        }
        return new HostSettings.ContainerMount(type, name, source, destination, readOnly, options, anonymous);
    }

    static HostSettings.PublishedPort port(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        String hostIp = null;
        int hostPort = 0;
        int containerPort = 0;
        String protocol = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "HostIp" -> hostIp = StreamingJson.string(p);
                case "HostPort" -> hostPort = StreamingJson.intValue(p);
                case "ContainerPort" -> containerPort = StreamingJson.intValue(p);
                case "Protocol" -> protocol = StreamingJson.string(p);
                default -> p.skipChildren();
            }
        }
        return new HostSettings.PublishedPort(hostIp, hostPort, containerPort, protocol);
    }

    static void write(JsonGenerator g, HostSettings h) throws IOException {
        if (h == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        JsonWriting.list(g, "Mounts", h.mounts(), HostJson::mount);
        JsonWriting.list(g, "Ports", h.ports(), HostJson::port);
        g.writeBooleanField("PublishAllPorts", h.publishAllPorts());
        JsonWriting.string(g, "NetworkMode", h.networkMode());
        g.writeBooleanField("ReadonlyRootfs", h.readOnlyRootfs());
        g.writeBooleanField("AutoRemove", h.autoRemove());
        g.writeEndObject();
    }

    private static void mount(JsonGenerator g, HostSettings.ContainerMount m) throws IOException {
        g.writeStartObject();
        JsonWriting.string(g, "Type", m.type());
        JsonWriting.string(g, "Name", m.name());
        JsonWriting.string(g, "Source", m.source());
        JsonWriting.string(g, "Destination", m.destination());
        g.writeBooleanField("ReadOnly", m.readOnly());
        JsonWriting.string(g, "Options", m.options());
        g.writeBooleanField("Anonymous", m.anonymous());
        g.writeEndObject();
    }

    static void port(JsonGenerator g, HostSettings.PublishedPort port) throws IOException {
        g.writeStartObject();
        JsonWriting.string(g, "HostIp", port.hostIp());
        g.writeNumberField("HostPort", port.hostPort());
        g.writeNumberField("ContainerPort", port.containerPort());
        JsonWriting.string(g, "Protocol", port.protocol());
        g.writeEndObject();
    }
}
