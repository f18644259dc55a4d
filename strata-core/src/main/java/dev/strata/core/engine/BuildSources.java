package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.TarWriter;
import dev.strata.core.build.CacheKey;
import dev.strata.core.build.StageConfig;
import dev.strata.core.build.context.BuildContext;
import dev.strata.core.build.context.ContextChecksums;
import dev.strata.core.build.context.CopyPlan;
import dev.strata.core.build.context.CopyPlanner;
import dev.strata.core.build.context.CopyRequest;
import dev.strata.core.build.context.IgnoreRules;
import dev.strata.core.build.context.PlannedEntry;
import dev.strata.core.build.dockerfile.Add;
import dev.strata.core.build.dockerfile.Copy;
import dev.strata.core.build.dockerfile.Workdir;
import dev.strata.core.store.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The build steps that put files into the image: COPY and ADD from the context (or, for {@code COPY --from}, from
 * an earlier stage or another image) and WORKDIR's directory. Each writes a layer of exactly the planned entries,
 * plus the missing parent directories, as root's 0755 ones; the cache key is the context checksum of the sources.
 */
final class BuildSources implements AutoCloseable {
    private final LocalStore store;
    private final BuildContext context;
    private final IgnoreRules ignore;
    private final IntFunction<BuildStage> stages;
    private final java.util.function.Function<String, BuildStage> images;
    private final Optional<Instant> epoch;
    private final LayerEntries entries;
    private ContextChecksums checksums;

    /**
     * @param stages an earlier stage's result by index, for {@code COPY --from=<stage>}
     * @param images another image as a stage, for {@code COPY --from=<image>}
     */
    BuildSources(LocalStore store, BuildContext context, IgnoreRules ignore, IntFunction<BuildStage> stages,
            java.util.function.Function<String, BuildStage> images, Optional<Instant> epoch) {
        this.store = store;
        this.context = context;
        this.ignore = ignore;
        this.stages = stages;
        this.images = images;
        this.epoch = epoch;
        this.entries = new LayerEntries(epoch);
    }

    BuildStage copy(BuildStage stage, Copy copy, StepCommitter committer, int number, java.util.function.ToIntFunction<String> stageOf) {
        if (!copy.heredocSources().isEmpty()) {
            return heredocs(stage, "COPY", copy.sources(), copy.heredocSources(), copy.destination(), copy.chown(),
                    copy.chmod(), committer, number);
        }
        if (copy.from().isEmpty()) {
            return files(stage, "COPY", copy.sources(), copy.destination(), copy.chown(), copy.chmod(), context,
                    ignore, contextChecksums(), committer, number, "", false);
        }
        String from = copy.from().get();
        int index = stageOf.applyAsInt(from);
        BuildStage source = index >= 0 ? stages.apply(index) : images.apply(from);
        try (ImageView view = ImageView.of(store, source.stored());
                BuildContext image = BuildContext.directory(view.root());
                ContextChecksums sums = ContextChecksums.inMemory()) {
            return files(stage, "COPY", copy.sources(), copy.destination(), copy.chown(), copy.chmod(), image,
                    IgnoreRules.none(), sums, committer, number, "from " + (source.image() == null ? "scratch" : source.image()),
                    false);
        }
    }

    /**
     * ADD: like COPY, but a local tar archive (plain or compressed) is unpacked at the destination, and an http(s)
     * URL is downloaded (the file keeps the URL's last path segment as its name, mode 0600).
     */
    BuildStage add(BuildStage stage, Add add, StepCommitter committer, int number) {
        if (!add.heredocSources().isEmpty()) {
            return heredocs(stage, "ADD", add.sources(), add.heredocSources(), add.destination(), add.chown(),
                    add.chmod(), committer, number);
        }
        List<String> urls = add.sources().stream().filter(BuildSources::isUrl).toList();
        if (urls.isEmpty()) {
            return files(stage, "ADD", add.sources(), add.destination(), add.chown(), add.chmod(), context, ignore,
                    contextChecksums(), committer, number, "", true);
        }
        if (urls.size() != add.sources().size()) {
            throw new StrataException(StrataException.Kind.UNSUPPORTED,
                    "ADD mixing URLs and context files in one instruction is not supported: split it in two");
        }
        try (Downloads downloads = Downloads.fetch(store.scratch().newDirectory("add-"), urls);
                BuildContext fetched = BuildContext.directory(downloads.directory());
                ContextChecksums sums = ContextChecksums.inMemory()) {
            return files(stage, "ADD", downloads.names(), add.destination(), add.chown(), add.chmod(), fetched,
                    IgnoreRules.none(), sums, committer, number, String.join(" ", urls), false);
        }
    }

    /**
     * {@code COPY <<EOF /dst}: each here-document becomes a file named after its terminator (mode 0644), copied like
     * a context file.
     */
    private BuildStage heredocs(BuildStage stage, String instruction, List<String> sources,
            List<dev.strata.core.build.dockerfile.Heredoc> heredocs, String destination, Optional<String> chown,
            Optional<String> chmod, StepCommitter committer, int number) {
        if (!sources.isEmpty()) {
            throw new StrataException(StrataException.Kind.UNSUPPORTED, instruction
                    + " mixing here-documents and context files in one instruction is not supported: split it in two");
        }
        Path dir = store.scratch().newDirectory("heredoc-");
        try {
            List<String> names = new ArrayList<>();
            for (var heredoc : heredocs) {
                Path file = dir.resolve(heredoc.name());
                Files.writeString(file, heredoc.text());
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(epoch.orElse(Instant.EPOCH)));
                names.add(heredoc.name());
            }
            try (BuildContext files = BuildContext.directory(dir);
                    ContextChecksums sums = ContextChecksums.inMemory()) {
                return files(stage, instruction, names, destination, chown, chmod, files, IgnoreRules.none(), sums,
                        committer, number, "heredoc", false);
            }
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot write the here-document of " + instruction
                    + ": " + e.getMessage(), e);
        } finally {
            try {
                dev.strata.core.content.Scratch.deleteTree(dir);
            } catch (IOException e) {
                // scratch: removed with the store's scratch area
            }
        }
    }

    private static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    /** WORKDIR: the config's working directory, and the directory itself in a layer when the image lacks it. */
    BuildStage workdir(BuildStage stage, Workdir workdir, StepCommitter committer, int number) {
        StageConfig.Applied applied = stage.config().apply(workdir);
        String path = applied.next().config().workingDir();
        CacheKey key = committer.key(stage).add(applied.createdBy()).build();
        Optional<BuildStage> cached = committer.cached(key, stage, applied.next());
        if (cached.isPresent()) {
            return cached.get();
        }
        List<String> missing;
        try (ImageView view = ImageView.of(store, stage.stored())) {
            missing = LayerEntries.missingDirectories(view.root(), List.of(path + "/x"), Set.of());
        }
        ChildImages.LayerSource layer = missing.isEmpty() ? null : ChildImages.written((out, mirror) -> {
            TarWriter tar = new TarWriter(out, mirror);
            entries.writeDirectories(tar, missing);
            tar.finish();
        });
        return committer.commit(stage, key, applied.next(), applied.createdBy(), layer, "build step " + number);
    }

    private BuildStage files(BuildStage stage, String instruction, List<String> sources, String destination,
            Optional<String> chown, Optional<String> chmod, BuildContext from, IgnoreRules rules,
            ContextChecksums sums, StepCommitter committer, int number, String origin, boolean unpack) {
        Integer mode = chmod.map(LayerEntries::octal).orElse(null);
        try (ImageView view = ImageView.of(store, stage::stored)) {
            String workdir = stage.config().config().workingDir();
            CopyRequest request = new CopyRequest(instruction, sources, destination, workdir,
                    p -> Files.isDirectory(view.root().resolve(p.substring(1))));
            CopyPlan plan = new CopyPlanner(from, rules, sums).plan(request);
            String createdBy = String.join(" ", stage.config().shell()) + " #(nop) " + plan.historyText(instruction);
            CacheKey key = committer.key(stage).add(createdBy).add(origin).add(chown.orElse(""))
                    .add(chmod.orElse("")).build();
            Optional<BuildStage> cached = committer.cached(key, stage, stage.config());
            if (cached.isPresent()) {
                return cached.get();
            }
            Path root = view.root();
            int[] owner = chown.map(spec -> LayerEntries.owner(root, spec)).orElse(new int[] {0, 0});
            Set<Integer> archives = new java.util.HashSet<>();
            if (unpack) {
                for (int i = 0; i < plan.sources().size(); i++) {
                    var source = plan.sources().get(i);
                    if (!source.directory() && dev.strata.core.build.context.ArchiveFiles.isTarArchive(source.file())) {
                        archives.add(i);
                    }
                }
            }
            Set<String> planned = new LinkedHashSet<>();
            plan.entries().stream().filter(e -> !archives.contains(e.source())).forEach(e -> planned.add(e.target()));
            List<String> targets = new ArrayList<>(planned);
            if (!archives.isEmpty()) {
                targets.add(plan.destination() + "/x");
            }
            List<String> parents = LayerEntries.missingDirectories(root, targets, planned);
            return committer.commit(stage, key, stage.config(), createdBy, ChildImages.written((out, mirror) -> {
                TarWriter tar = new TarWriter(out, mirror);
                entries.writeDirectories(tar, parents);
                for (PlannedEntry entry : plan.entries()) {
                    if (!archives.contains(entry.source())) {
                        entries.write(tar, entry, owner, mode);
                    }
                }
                for (int i : archives.stream().sorted().toList()) {
                    new ArchiveUnpacker(tar, plan.destination(), chown.isPresent() ? owner : null, mode, epoch)
                            .unpack(plan.sources().get(i).file());
                }
                tar.finish();
            }), "build step " + number);
        }
    }

    private ContextChecksums contextChecksums() {
        if (checksums == null) {
            checksums = ContextChecksums.open(context, store.layout().cache().resolve("checksums"));
        }
        return checksums;
    }

    @Override
    public void close() {
        if (checksums != null) {
            checksums.close();
        }
    }
}
