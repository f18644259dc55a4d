package dev.strata.core.build.dockerfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/** Which stages depend on which: a stage on its base stage and on the stages it copies from. */
final class StageGraph {
    private final List<OptionalInt> bases;
    /** For each stage, the stages it copies from, each with the COPY that does it. */
    private final List<Map<Integer, Copy>> copies;

    private StageGraph(List<OptionalInt> bases, List<Map<Integer, Copy>> copies) {
        this.bases = bases;
        this.copies = copies;
    }

    static StageGraph of(Dockerfile dockerfile, Expander expander, List<OptionalInt> bases) {
        List<Map<Integer, Copy>> copies = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            Map<Integer, Copy> deps = new TreeMap<>();
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof Copy copy && copy.from().isPresent()) {
                    String from = copy.from().get();
                    if (!expander.expand(from, Map.of()).equals(from)) {
                        throw copy.origin().error("variable expansion is not supported for --from, define a new stage"
                                + " with FROM using ARG from global scope as a workaround");
                    }
                    OptionalInt index;
                    try {
                        index = stageOf(dockerfile, from);
                    } catch (DockerfileException e) {
                        throw e.withLocation(copy.origin().fileName(), copy.origin().startLine());
                    }
                    index.ifPresent(i -> deps.put(i, copy));
                }
            }
            copies.add(deps);
        }
        StageGraph graph = new StageGraph(bases, copies);
        graph.checkCycles(dockerfile);
        return graph;
    }

    static OptionalInt stageOf(Dockerfile dockerfile, String from) {
        List<Stage> stages = dockerfile.stages();
        int index;
        try {
            index = Integer.parseInt(from);
        } catch (NumberFormatException e) {
            String name = from.toLowerCase(Locale.ROOT);
            int found = -1;
            for (Stage stage : stages) {
                if (stage.name().isPresent() && stage.name().get().equals(name)) {
                    found = stage.index();
                }
            }
            return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
        }
        if (index < 0 || index >= stages.size()) {
            throw DockerfileException.problem("invalid stage index " + index);
        }
        return OptionalInt.of(index);
    }

    List<Integer> dependencies(int stage) {
        return List.copyOf(copies.get(stage).keySet());
    }

    Set<Integer> reachableFrom(int target) {
        Set<Integer> seen = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(target));
        while (!todo.isEmpty()) {
            int stage = todo.pop();
            if (seen.add(stage)) {
                bases.get(stage).ifPresent(todo::push);
                copies.get(stage).keySet().forEach(todo::push);
            }
        }
        return seen;
    }

    /** COPY --from may name a later stage; a chain of them back to the start is an error, as in Docker. */
    private void checkCycles(Dockerfile dockerfile) {
        Set<Integer> visited = new HashSet<>();
        for (Stage stage : dockerfile.stages()) {
            List<Copy> cycle = visit(stage.index(), visited, new LinkedHashSet<>(), new ArrayList<>());
            if (cycle != null) {
                throw cycle.get(0).origin().error("circular dependency detected on stage: " + stage.displayName());
            }
        }
    }

    private List<Copy> visit(int stage, Set<Integer> visited, Set<Integer> path, List<Copy> via) {
        if (!visited.add(stage)) {
            return null;
        }
        path.add(stage);
        for (Map.Entry<Integer, Copy> dep : copies.get(stage).entrySet()) {
            List<Copy> next = new ArrayList<>(via);
            next.add(dep.getValue());
            if (path.contains(dep.getKey())) {
                return next;
            }
            List<Copy> found = visit(dep.getKey(), visited, path, next);
            if (found != null) {
                return found;
            }
        }
        path.remove(stage);
        return null;
    }
}
