package dev.strata.core.build.dockerfile;

import dev.strata.core.GoQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one build of a Dockerfile will do, decided before anything runs (pure, no I/O): the global ARG values
 * ({@code --build-arg} over defaults), each stage's base image with those substituted, which stages the target
 * needs (through {@code FROM <stage>} and {@code COPY --from=<stage>}), and the warnings Docker prints. Immutable.
 *
 * <p>The builder runs {@link #neededStages()} in order; for each, {@link #argScope} gives the starting
 * {@link ArgScope}, which each ARG instruction advances.
 */
public record BuildPlan(Dockerfile dockerfile, Map<String, String> buildArgs, Map<String, String> globalArgs,
                        List<StagePlan> stages, int target, List<String> warnings) {
    public BuildPlan {
        Objects.requireNonNull(dockerfile, "dockerfile");
        buildArgs = Map.copyOf(buildArgs);
        globalArgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(globalArgs));
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        if (target < 0 || target >= stages.size()) {
            throw new IllegalArgumentException("target " + target + " is not a stage");
        }
    }

    /**
     * Plans a build of {@code dockerfile} with {@code --build-arg} values and an optional {@code --target} stage name
     * (default: the last stage). Fails as Docker does on a blank base image, an unknown target, a {@code --from} with
     * variables, a bad stage index or a circular dependency.
     */
    public static BuildPlan create(Dockerfile dockerfile, Map<String, String> buildArgs, Optional<String> target) {
        Expander expander = Expander.of(dockerfile);
        Map<String, String> global = globalArgs(dockerfile, buildArgs, expander);
        List<Stage> stages = dockerfile.stages();
        List<String> bases = new ArrayList<>();
        List<OptionalInt> baseStages = new ArrayList<>();
        List<Optional<String>> platforms = new ArrayList<>();
        Map<String, Integer> earlier = new LinkedHashMap<>();
        for (Stage stage : stages) {
            From from = stage.from().expand(expander, global);
            if (from.image().isEmpty()) {
                throw stage.from().origin().error("base name (" + stage.from().image() + ") should not be blank");
            }
            if (from.platform().isPresent() && from.platform().get().isEmpty()) {
                throw stage.from().origin().error("empty platform value from expression " + stage.from().platform().get());
            }
            bases.add(from.image());
            Integer base = earlier.get(from.image());
            baseStages.add(base == null ? OptionalInt.empty() : OptionalInt.of(base));
            platforms.add(from.platform());
            stage.name().ifPresent(name -> earlier.put(name, stage.index()));
        }
        int targetIndex = target(dockerfile, target);
        StageGraph graph = StageGraph.of(dockerfile, expander, baseStages);
        Set<Integer> needed = graph.reachableFrom(targetIndex);
        List<StagePlan> plans = new ArrayList<>();
        for (Stage stage : stages) {
            int i = stage.index();
            plans.add(new StagePlan(stage, bases.get(i), baseStages.get(i), platforms.get(i), graph.dependencies(i),
                    needed.contains(i)));
        }
        List<String> warnings = new ArrayList<>(dockerfile.warnings());
        warnings.addAll(duplicateNames(stages));
        unusedBuildArgs(dockerfile, buildArgs, needed).ifPresent(warnings::add);
        return new BuildPlan(dockerfile, buildArgs, global, plans, targetIndex, warnings);
    }

    /** The stage the build produces. */
    public StagePlan targetStage() {
        return stages.get(target);
    }

    /** The stages the target needs, in file order (the target last). */
    public List<StagePlan> neededStages() {
        return stages.stream().filter(StagePlan::needed).toList();
    }

    /** The argument scope at the start of a stage. */
    public ArgScope argScope(int stageIndex) {
        Objects.checkIndex(stageIndex, stages.size());
        return ArgScope.start(Expander.of(dockerfile), buildArgs, globalArgs);
    }

    /**
     * The stage a {@code COPY --from} value names (an index, or a stage name in any case), or empty when it names an
     * image instead.
     */
    public OptionalInt stageOf(String from) {
        return StageGraph.stageOf(dockerfile, from);
    }

    private static Map<String, String> globalArgs(Dockerfile dockerfile, Map<String, String> buildArgs, Expander expander) {
        Map<String, String> global = new LinkedHashMap<>();
        for (Arg arg : dockerfile.globalArgs()) {
            for (ArgDefinition definition : arg.args()) {
                String name = definition.name();
                if (buildArgs.containsKey(name)) {
                    global.put(name, buildArgs.get(name));
                } else if (definition.defaultValue().isPresent()) {
                    String value = new Expansion(arg.origin(), expander, global).word(definition.defaultValue().get());
                    global.put(name, value);
                }
            }
        }
        return global;
    }

    private static int target(Dockerfile dockerfile, Optional<String> target) {
        if (target.isEmpty() || target.get().isEmpty()) {
            return dockerfile.stages().size() - 1;
        }
        String wanted = target.get().toLowerCase(Locale.ROOT);
        int found = -1;
        for (Stage stage : dockerfile.stages()) {
            if (stage.name().isPresent() && stage.name().get().equals(wanted)) {
                found = stage.index();
            }
        }
        if (found < 0) {
            List<String> names = dockerfile.stages().stream().map(Stage::displayName).toList();
            throw DockerfileException.problem(Suggestions.withHint(
                    "target stage " + GoQuote.quote(target.get()) + " could not be found", target.get(), names, true));
        }
        return found;
    }

    private static List<String> duplicateNames(List<Stage> stages) {
        Set<String> seen = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        for (Stage stage : stages) {
            if (stage.name().isPresent() && !seen.add(stage.name().get())) {
                warnings.add("Duplicate stage name " + GoQuote.quote(stage.name().get())
                        + ", stage names should be unique (" + stage.from().origin().where() + ")");
            }
        }
        return warnings;
    }

    /** Docker's warning for {@code --build-arg}s that no ARG of the build declared. */
    private static Optional<String> unusedBuildArgs(Dockerfile dockerfile, Map<String, String> buildArgs, Set<Integer> needed) {
        Set<String> declared = new java.util.HashSet<>();
        dockerfile.globalArgs().forEach(a -> a.args().forEach(d -> declared.add(d.name())));
        for (Stage stage : dockerfile.stages()) {
            if (needed.contains(stage.index())) {
                stage.instructions().stream().filter(i -> i instanceof Arg)
                        .forEach(i -> ((Arg) i).args().forEach(d -> declared.add(d.name())));
            }
        }
        Set<String> unused = new TreeSet<>(buildArgs.keySet());
        unused.removeAll(declared);
        unused.removeAll(ArgScope.PREDEFINED);
        if (unused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("[Warning] One or more build-args [" + String.join(" ", unused) + "] were not consumed");
    }
}
