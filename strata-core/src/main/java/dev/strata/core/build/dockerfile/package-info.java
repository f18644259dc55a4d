/**
 * The Dockerfile language: parsing, the instruction model, variable expansion and the rules of stages and build
 * arguments, as Docker (BuildKit and the classic builder) defines them. Pure: no I/O, nothing runs here.
 *
 * <h2>How the builder uses it</h2>
 * <pre>{@code
 * Dockerfile df = Dockerfile.parse(text, "Dockerfile");            // DockerfileException "Dockerfile:7: ..."
 * BuildPlan plan = BuildPlan.create(df, buildArgs, target);        // stages, base images, skipped stages
 * plan.warnings();                                                 // "[Warning] One or more build-args [X] were not consumed"
 * Expander expander = Expander.of(df);
 * for (StagePlan sp : plan.neededStages()) {
 *     // base: sp.baseStage() (an earlier stage's result) or sp.baseImage() ("scratch" or a reference)
 *     ArgScope args = plan.argScope(sp.index());
 *     for (Instruction i : sp.stage().instructions()) {
 *         List<String> env = config.env();                         // image config env, KEY=value
 *         if (i instanceof Arg a) { args = args.declare(a, env); continue; }
 *         Instruction x = i.expand(expander, args.expansionEnv(env));   // ADD COPY ENV EXPOSE LABEL STOPSIGNAL USER VOLUME WORKDIR
 *         switch (x) {
 *             case Run r -> ... r.command(), r.heredocs(), args.runEnv(env), args.historyArgs(env)
 *             case Copy c -> ... plan.stageOf(c.from().get()) for --from
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link dev.strata.core.build.dockerfile.Dockerfile}: the parsed file ({@link
 *       dev.strata.core.build.dockerfile.Directives}, global ARGs, {@link dev.strata.core.build.dockerfile.Stage}s).
 *   <li>{@link dev.strata.core.build.dockerfile.Instruction}: a sealed interface with one record per instruction;
 *       each keeps its {@link dev.strata.core.build.dockerfile.Origin} (keyword, Docker's original text for history
 *       and cache keys, start line, flags).
 *   <li>{@link dev.strata.core.build.dockerfile.Expander}: {@code $VAR}, {@code ${VAR:-word}} and the rest of
 *       Docker's substitution rules.
 *   <li>{@link dev.strata.core.build.dockerfile.BuildPlan}, {@link dev.strata.core.build.dockerfile.StagePlan},
 *       {@link dev.strata.core.build.dockerfile.ArgScope}: targets, stage dependencies, ARG/ENV scoping.
 *   <li>{@link dev.strata.core.build.dockerfile.DockerfileException}: every problem, as
 *       {@code file:line: Docker's message}.
 * </ul>
 * All public types are immutable and thread-safe.
 */
package dev.strata.core.build.dockerfile;
