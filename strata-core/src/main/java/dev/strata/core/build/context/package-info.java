/**
 * The build context side of {@code strata build}: where the files come from, which of them count, what a COPY or
 * ADD takes, and the checksums that key the build cache. Docker's observable behaviour is the reference
 * throughout; where Strata differs, the type that differs says so.
 *
 * <h2>How the builder uses it</h2>
 * <pre>{@code
 * ContextSpec spec = ContextSpec.parse(argument, cwd);                 // PATH | URL | -
 * ContextOpener opener = new ContextOpener(scratchDir, () -> httpClient, "git", () -> System.in);
 * try (BuildContext context = opener.open(spec)) {                      // temporary copies removed on close
 *     DockerfileResolver resolver = new DockerfileResolver(cwd, () -> System.in);
 *     Dockerfile dockerfile = resolver.resolve(context, fileFlag, spec instanceof ContextSpec.Stdin);
 *     IgnoreRules rules = resolver.ignoreRules(context, dockerfile);      // NAME.dockerignore or .dockerignore
 *     try (ContextChecksums sums = ContextChecksums.open(context, root.resolve("cache/checksums"))) {
 *         CopyPlanner planner = new CopyPlanner(context, rules, sums);
 *         CopyPlan plan = planner.plan(new CopyRequest("COPY", sources, dest, workdir, imageHasDirectory));
 *         // cache key: parent image + instruction + plan.checksum(); history: plan.historyText("COPY")
 *         // on a cache miss: write plan.entries() into a layer tar (root-owned unless --chown)
 *     }
 * }
 * }</pre>
 *
 * <h2>Contexts</h2>
 * {@link dev.strata.core.build.context.BuildContext} is a read-only directory: a local directory in place, or a
 * tar stream (stdin; plain, gzip, bzip2, xz, zstd), a git repository ({@code URL#ref:subdir}, checked out with the
 * {@code git} program) or an http(s) tarball unpacked into a scratch directory with the layer applier, which
 * refuses entries that would land outside it. A stream or URL that is not an archive is a lone Dockerfile
 * ({@link dev.strata.core.build.context.BuildContext#inlineDockerfile}).
 *
 * <h2>Ignore rules</h2>
 * {@link dev.strata.core.build.context.IgnoreRules} reads .dockerignore with Docker's pattern matcher semantics
 * (last match wins, {@code !} exceptions, {@code **}, a matching directory excludes its tree). Docker always sends
 * the Dockerfile and the ignore files, but a COPY cannot take them when they are excluded: the resolver reads them
 * regardless, the planner treats them as absent.
 *
 * <h2>COPY and ADD sources</h2>
 * {@link dev.strata.core.build.context.CopyPlanner} expands Go {@code filepath.Match} globs, follows a source
 * path's symbolic links inside the context (links below a copied directory are copied as links), copies a
 * directory's contents rather than the directory, and refuses missing sources and several sources into a
 * non-directory with Docker's messages. ADD's URL sources and archive extraction are the builder's.
 *
 * <h2>Checksums</h2>
 * {@link dev.strata.core.build.context.ContextChecksums} computes Docker's classic builder checksums: per file
 * SHA-256 of a "tarsum v1" header (path, mode, size, type, link target, devices, {@code security.capability};
 * owners as root, no times) and the content; {@code file:HEX}, {@code dir:HEX} (sorted file checksums joined by
 * commas) and {@code multi:HEX} for several sources. Inside a copied directory, a symbolic link is hashed as the
 * link (Docker's classic builder hashed its target instead). Results are cached on disk per context directory:
 * per file by stat, and per source by a fingerprint of its files' stat, so that a rebuild of an unchanged context
 * walks and stats it and reads no content.
 */
package dev.strata.core.build.context;
