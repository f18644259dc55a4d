package dev.strata.registry.conformance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OCI distribution-spec conformance suite's test binary, built offline from {@code src/test/conformance}
 * (see its README) and run against a registry's root URL. Each run writes into a directory of its own, so
 * instances may run several registries, one after another or at once.
 */
final class ConformanceSuite {
    private static final long BUILD_MINUTES = 10;
    private static final long RUN_MINUTES = 10;

    private final Path binary;

    private ConformanceSuite(Path binary) {
        this.binary = binary;
    }

    /**
     * Builds the suite's binary into {@code outDir} (kept there: a later build with the same sources and Go
     * version does nothing).
     *
     * @param sources the vendored sources, {@code src/test/conformance}
     */
    static ConformanceSuite build(Path sources, Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path log = outDir.resolve("build.log");
        Process build = new ProcessBuilder("bash", sources.resolve("build.sh").toString(), outDir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
            build.destroyForcibly().waitFor();
            throw new IllegalStateException("cannot build the conformance suite: go test -c took more than "
                    + BUILD_MINUTES + " minutes; see " + log);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("cannot build the conformance suite (exit " + build.exitValue() + "):\n"
                    + Files.readString(log) + "Install the Debian packages that run-tests lists (golang-go, golang-*-dev).");
        }
        return new ConformanceSuite(outDir.resolve("conformance.test"));
    }

    /**
     * Runs every workflow (pull, push, content discovery, content management) against a registry.
     *
     * @param root the registry's root URL, e.g. {@code http://127.0.0.1:5000}
     * @param reportDir where the suite writes junit.xml, report.html and output.txt (earlier ones are replaced)
     * @param extraEnv more of the suite's settings (OCI_USERNAME, OCI_PASSWORD, OCI_AUTOMATIC_CROSSMOUNT...);
     *     they override the defaults
     */
    ConformanceSuiteReport run(URI root, Path reportDir, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Files.createDirectories(reportDir);
        for (String file : List.of("junit.xml", "report.html", "output.txt")) {
            Files.deleteIfExists(reportDir.resolve(file)); // a stale report must not pass for this run's
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OCI_ROOT_URL", root.toString().replaceFirst("/$", ""));
        env.put("OCI_NAMESPACE", "conformance/a");
        env.put("OCI_CROSSMOUNT_NAMESPACE", "conformance/b");
        for (String workflow : List.of("PULL", "PUSH", "CONTENT_DISCOVERY", "CONTENT_MANAGEMENT")) {
            env.put("OCI_TEST_" + workflow, "1");
        }
        env.put("OCI_HIDE_SKIPPED_WORKFLOWS", "0");
        env.put("OCI_DEBUG", "0");
        env.put("OCI_REPORT_DIR", reportDir.toString());
        env.putAll(extraEnv);

        List<String> command = new ArrayList<>(List.of(binary.toString(), "-ginkgo.no-color"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(reportDir.toFile())
                .redirectErrorStream(true).redirectOutput(reportDir.resolve("output.txt").toFile());
        // The suite reads only its OCI_ settings; stray ones from the caller's environment must not leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("OCI_"));
        builder.environment().putAll(env);
        Process suite = builder.start();
        if (!suite.waitFor(RUN_MINUTES, TimeUnit.MINUTES)) {
            suite.destroyForcibly().waitFor();
            throw new IllegalStateException("cannot run the conformance suite against " + root + ": it took more than "
                    + RUN_MINUTES + " minutes; see " + reportDir.resolve("output.txt"));
        }
        Path junit = reportDir.resolve("junit.xml");
        if (!Files.isRegularFile(junit)) {
            throw new IllegalStateException("cannot run the conformance suite against " + root + ": it exited "
                    + suite.exitValue() + " without a JUnit report:\n" + Files.readString(reportDir.resolve("output.txt")));
        }
        return ConformanceSuiteReport.read(junit);
    }
}
