package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.build.BuildCache;
import dev.strata.core.build.BuildEvent;
import dev.strata.core.build.BuildListener;
import dev.strata.core.build.CacheKey;
import dev.strata.core.build.StageConfig;
import dev.strata.core.build.context.BuildContext;
import dev.strata.core.build.context.IgnoreRules;
import dev.strata.core.build.dockerfile.Add;
import dev.strata.core.build.dockerfile.Arg;
import dev.strata.core.build.dockerfile.BuildPlan;
import dev.strata.core.build.dockerfile.Copy;
import dev.strata.core.build.dockerfile.Dockerfile;
import dev.strata.core.build.dockerfile.Expander;
import dev.strata.core.build.dockerfile.Instruction;
import dev.strata.core.build.dockerfile.KeyValue;
import dev.strata.core.build.dockerfile.Label;
import dev.strata.core.build.dockerfile.Origin;
import dev.strata.core.build.dockerfile.Run;
import dev.strata.core.build.dockerfile.StagePlan;
import dev.strata.core.build.dockerfile.Workdir;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLock;
import dev.strata.core.store.Tagging;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code build}: a loop over the Dockerfile's instructions in which each step makes an image from the one before,
 * as Docker's classic builder does. FROM picks the base (an image, an earlier stage, or nothing); RUN runs a
 * container and commits it; COPY and ADD write a layer from the context; the other instructions change the config
 * and add an empty-layer history entry. Each step first asks the build cache.
 */
final class ImageBuilder {
    private final LocalStore store;
    private final Containers containers;
    private final BuildListener listener;
    private final BuildRequest request;
    private final StepCommitter committer;
    private final BuildSources sources;
    private final BaseImages baseImages;
    private final Map<Integer, BuildStage> finished = new HashMap<>();
    private BuildStage targetBase;
    private BuildPlan plan;
    private Expander expander;
    private int step;
    private int total;

    ImageBuilder(LocalStore store, Containers containers, BuildContext context, IgnoreRules ignore,
            BuildListener listener, BuildRequest request, String created, BaseImages baseImages) {
        this.store = store;
        this.baseImages = baseImages;
        this.containers = containers;
        this.sources = new BuildSources(store, context, ignore, finished::get, this::imageAsStage,
                request.sourceDateEpoch());
        this.listener = listener;
        this.request = request;
        this.committer = new StepCommitter(store, new BuildCache(store.layout().cache().resolve("build")), listener,
                request.noCache(), created, request.sourceDateEpoch().isPresent());
    }

    /** Builds the Dockerfile's target stage and tags it; returns the image ID. */
    Digest build(Dockerfile dockerfile) {
        try (sources) {
            return buildPlanned(dockerfile);
        }
    }

    private Digest buildPlanned(Dockerfile dockerfile) {
        plan = BuildPlan.create(dockerfile, request.buildArgs(), request.target());
        expander = Expander.of(dockerfile);
        List<StagePlan> stages = plan.neededStages();
        total = stages.stream().mapToInt(s -> 1 + s.stage().instructions().size()).sum()
                + (request.labels().isEmpty() ? 0 : 1);
        BuildStage last = null;
        for (StagePlan stage : stages) {
            last = buildStage(stage, stage == stages.getLast());
            finished.put(stage.index(), last);
        }
        if (last == null || last.image() == null) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "No image was generated. Is your Dockerfile empty?");
        }
        Digest result = last.image();
        if (request.squash()) {
            result = new Squasher(store).squash(last.image(), last.stored(), targetBase.image(), targetBase.stored(),
                    committer.created(), request.sourceDateEpoch());
        }
        plan.warnings().forEach(w -> listener.event(new BuildEvent.Warning(w)));
        listener.event(new BuildEvent.Built(result));
        tag(result);
        return result;
    }

    private BuildStage buildStage(StagePlan stagePlan, boolean target) {
        listener.event(new BuildEvent.Step(++step, total, stagePlan.stage().from().origin().original()));
        BuildStage base = from(stagePlan);
        targetBase = base;
        BuildStage stage = base.withConfig(base.config().withDefaultPath());
        listener.event(new BuildEvent.StepImage(stage.image()));
        stage = runTriggers(stage);
        for (Instruction instruction : stagePlan.stage().instructions()) {
            listener.event(new BuildEvent.Step(++step, total, instruction.origin().original()));
            stage = execute(stage, instruction);
            listener.event(new BuildEvent.StepImage(stage.image()));
        }
        if (target && !request.labels().isEmpty()) {
            Label labels = labelInstruction(request.labels());
            listener.event(new BuildEvent.Step(++step, total, labels.origin().original()));
            stage = execute(stage, labels);
            listener.event(new BuildEvent.StepImage(stage.image()));
        }
        return stage;
    }

    /** The stage's starting point: scratch, an earlier stage's result, or an image in the store. */
    private BuildStage from(StagePlan stagePlan) {
        var args = plan.argScope(stagePlan.index());
        if (stagePlan.baseStage().isPresent()) {
            BuildStage base = finished.get(stagePlan.baseStage().getAsInt());
            return BuildStage.of(base.image(), base.stored(),
                    StageConfig.of(base.stored() == null ? null : base.stored().config().config(),
                            base.stored() == null ? null : base.stored().config().author()), args);
        }
        if (stagePlan.baseImage().equals("scratch")) {
            return BuildStage.of(null, null, StageConfig.of(null, null), args);
        }
        return imageAsStage(stagePlan.baseImage()).withArgs(args);
    }

    /** An image of the store as the start of a stage (or the source of {@code COPY --from=<image>}). */
    private BuildStage imageAsStage(String name) {
        ImageRecord record = baseImages.find(name);
        StoredImage stored = store.image(record);
        return BuildStage.of(record.id(), stored, StageConfig.of(stored.config().config(), stored.config().author()),
                null);
    }

    /** The base image's ONBUILD triggers, run before the stage's own instructions and not inherited further. */
    private BuildStage runTriggers(BuildStage stage) {
        List<String> triggers = stage.config().config().onBuild();
        if (triggers == null || triggers.isEmpty()) {
            return stage;
        }
        listener.event(new BuildEvent.Triggers(triggers.size()));
        var cleared = stage.config().config().toBuilder();
        cleared.onBuild = null;
        BuildStage current = stage.withConfig(
                new StageConfig(cleared.build(), stage.config().author(), stage.config().cmdSet()));
        for (String trigger : triggers) {
            current = execute(current, Dockerfile.parseTrigger(trigger, "ONBUILD"));
        }
        return current;
    }

    private BuildStage execute(BuildStage stage, Instruction instruction) {
        if (instruction instanceof Arg arg) {
            stage = stage.withArgs(stage.args().declare(arg, stage.config().env()));
        }
        Instruction expanded = instruction.expand(expander, stage.args().expansionEnv(stage.config().env()));
        refuseUnsupported(expanded);
        return switch (expanded) {
            case Run run -> new RunStep(containers, committer, listener, request, store.scratch()).run(stage, run, step);
            case Copy copy -> sources.copy(stage, copy, committer, step, from -> plan.stageOf(from).orElse(-1));
            case Add add -> sources.add(stage, add, committer, step);
            case Workdir workdir -> sources.workdir(stage, workdir, committer, step);
            default -> metadata(stage, expanded);
        };
    }

    /**
     * BuildKit-only flags that would change what a step makes: refused with Docker's classic-builder message rather
     * than ignored. ({@code --link} is accepted: it only changes how BuildKit stores the same files.)
     */
    private static void refuseUnsupported(Instruction instruction) {
        String flag = switch (instruction) {
            case Run r when !r.mounts().isEmpty() -> "--mount";
            case Run r when !r.devices().isEmpty() -> "--device";
            case Run r when !r.security().isEmpty() && !r.security().equals("sandbox") -> "--security";
            case Copy c when c.parents() -> "--parents";
            case Copy c when !c.excludes().isEmpty() -> "--exclude";
            case Add a when !a.excludes().isEmpty() -> "--exclude";
            case Add a when a.checksum().isPresent() -> "--checksum";
            default -> null;
        };
        if (flag != null) {
            throw instruction.origin().error("the " + flag + " option requires BuildKit, which strata build does not"
                    + " provide yet");
        }
    }

    /** A step that only changes the config: an image with an empty-layer history entry. */
    private BuildStage metadata(BuildStage stage, Instruction instruction) {
        StageConfig.Applied applied = stage.config().apply(instruction);
        CacheKey key = committer.key(stage).add(applied.createdBy()).build();
        return committer.cached(key, stage, applied.next()).orElseGet(() ->
                committer.commit(stage, key, applied.next(), applied.createdBy(), null, "build step " + step));
    }

    /** {@code --label}s become a last LABEL step, as the classic builder adds them. */
    private static Label labelInstruction(Map<String, String> labels) {
        List<KeyValue> pairs = new TreeMap<>(labels).entrySet().stream()
                .map(e -> new KeyValue(e.getKey(), e.getValue(), false)).toList();
        String text = "LABEL " + String.join(" ", pairs.stream().map(p -> quoteLabel(p.key()) + "=" + quoteLabel(p.value())).toList());
        return new Label(new Origin("--label", "LABEL", text, 1, 1, List.of()), pairs);
    }

    private static String quoteLabel(String s) {
        return s.matches("[A-Za-z0-9_./:-]+") ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void tag(Digest image) {
        if (request.tags().isEmpty()) {
            return;
        }
        try (StoreLock.Held held = store.lock().acquire()) {
            var before = store.index().read();
            var index = before;
            for (Reference tag : request.tags()) {
                index = Tagging.tag(index, image, tag, committer.created());
            }
            if (index != before) { // a rebuild that changes nothing leaves the tags where they were: no write
                store.index().write(index);
            }
        }
        for (Reference tag : request.tags()) {
            listener.event(new BuildEvent.Tagged(tag.familiar()));
        }
    }
}
