package dev.strata.core.engine;

import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.ContainerConfig;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Reference;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.LocalStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the Docker-shaped object that {@code image inspect} prints, field for field and in Docker's order. */
final class InspectView {
    private InspectView() {}

    static Map<String, Object> of(LocalStore store, ImageRecord record) {
        StoredImage image = store.image(record);
        ImageConfig config = image.config();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("Id", record.id().toString());
        view.put("RepoTags", record.tags().stream().map(t -> Reference.parse(t).familiar()).toList());
        view.put("RepoDigests", record.repoDigests().stream().map(t -> Reference.parse(t).familiar()).toList());
        view.put("Parent", record.parent() == null ? "" : record.parent().toString());
        view.put("Comment", config.comment() == null ? "" : config.comment());
        view.put("Created", config.created() == null ? "0001-01-01T00:00:00Z" : config.created());
        view.put("DockerVersion", config.dockerVersion() == null ? "" : config.dockerVersion());
        view.put("Author", config.author() == null ? "" : config.author());
        view.put("Config", containerConfig(config.config()));
        view.put("Architecture", config.architecture() == null ? "" : config.architecture());
        if (config.variant() != null) {
            view.put("Variant", config.variant());
        }
        view.put("Os", config.os() == null ? "" : config.os());
        view.put("Size", record.size());
        view.put("GraphDriver", graphDriver(store, config.diffIds()));
        Map<String, Object> rootFs = new LinkedHashMap<>();
        rootFs.put("Type", "layers");
        rootFs.put("Layers", config.diffIds().stream().map(Digest::toString).toList());
        view.put("RootFS", rootFs);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("LastTagTime", record.lastTagTime() == null ? "0001-01-01T00:00:00Z" : record.lastTagTime());
        view.put("Metadata", metadata);
        return view;
    }

    /** Docker's container.Config as image inspect shows it: every field, nulls included. */
    static Map<String, Object> containerConfig(ContainerConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Hostname", "");
        m.put("Domainname", "");
        m.put("User", c.user() == null ? "" : c.user());
        m.put("AttachStdin", false);
        m.put("AttachStdout", false);
        m.put("AttachStderr", false);
        if (c.exposedPorts() != null && !c.exposedPorts().isEmpty()) {
            m.put("ExposedPorts", c.exposedPorts());
        }
        m.put("Tty", false);
        m.put("OpenStdin", false);
        m.put("StdinOnce", false);
        m.put("Env", c.env());
        m.put("Cmd", c.cmd());
        if (c.healthcheck() != null) {
            m.put("Healthcheck", c.healthcheck());
        }
        if (Boolean.TRUE.equals(c.argsEscaped())) {
            m.put("ArgsEscaped", true);
        }
        m.put("Image", "");
        m.put("Volumes", c.volumes());
        m.put("WorkingDir", c.workingDir() == null ? "" : c.workingDir());
        m.put("Entrypoint", c.entrypoint());
        m.put("OnBuild", c.onBuild());
        m.put("Labels", c.labels());
        if (c.stopSignal() != null) {
            m.put("StopSignal", c.stopSignal());
        }
        if (c.stopTimeout() != null) {
            m.put("StopTimeout", c.stopTimeout());
        }
        if (c.shell() != null) {
            m.put("Shell", c.shell());
        }
        return m;
    }

    /** The overlay directories: lower layers top first, the top layer as UpperDir, as Docker's overlay2 shows. */
    private static Map<String, Object> graphDriver(LocalStore store, List<Digest> diffIds) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Digest> chain = ChainId.chain(diffIds);
        if (!chain.isEmpty()) {
            List<Path> lowers = store.snapshots().diffDirectoriesTopFirst(chain.subList(0, chain.size() - 1));
            if (!lowers.isEmpty()) {
                data.put("LowerDir", String.join(":", lowers.stream().map(Path::toString).toList()));
            }
            var top = store.snapshots().diffDirectory(chain.getLast());
            data.put("MergedDir", top.resolveSibling("merged").toString());
            data.put("UpperDir", top.toString());
            data.put("WorkDir", top.resolveSibling("work").toString());
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("Data", data);
        driver.put("Name", "overlay2");
        return driver;
    }
}
