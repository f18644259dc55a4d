package dev.strata.registry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.conformance.ConformanceSuiteReport.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI distribution-spec conformance suite (v1.1.1: pull, push, content discovery, content management), built
 * offline from {@code src/test/conformance}, against Strata's registry server — which must fail none of its
 * specs — and against the CNCF Distribution registry (Debian's {@code docker-registry}), whose known failures
 * show that the harness sees a failing spec when there is one.
 */
@Tag("peers")
class ConformanceSuiteTest {
    /** What docker-registry 2.8.2 fails, measured 2026-11-22 (see src/test/conformance/README.md). */
    static final List<String> DISTRIBUTION_FAILURES = List.of(
            "Pull Error codes 400 response body should contain OCI-conforming JSON message",
            "Push Blob Upload Chunked Out-of-order blob upload should return 416",
            "Push Blob Upload Chunked Retry previous blob chunk should return 416",
            "Push Blob Upload Chunked Get on stale blob upload should return 204 with a range and location",
            "Content Discovery Setup References setup",
            "Content Discovery Test content discovery endpoints (listing tags) GET number of tags should be limitable by `n` query parameter",
            "Content Discovery Test content discovery endpoints (listing tags) GET start of tag is set by `last` query parameter",
            "Content Discovery Test content discovery endpoints (listing references) GET request to nonexistent blob should result in empty 200 response",
            "Content Discovery Test content discovery endpoints (listing references) GET request to existing blob should yield 200",
            "Content Discovery Test content discovery endpoints (listing references) GET request to existing blob with filter should yield 200",
            "Content Discovery Test content discovery endpoints (listing references) GET request to missing manifest should yield 200",
            "Content Management Manifest delete DELETE request to manifest tag should return 202, unless tag deletion is disallowed (400/405)");

    static ConformanceSuite suite;
    /** target/conformance: the suite's binary, and each run's reports (kept: report.html shows every request). */
    static Path out;

    @BeforeAll
    static void buildSuite() throws Exception {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        out = module.resolve("target/conformance");
        suite = ConformanceSuite.build(module.resolve("src/test/conformance"), out);
    }

    /**
     * Starts the registry server under test on 127.0.0.1. This is the one place that names Strata's server: at
     * integration it starts {@code dev.strata.registry.RegistryServer} (storage in {@code dir}, a free port from
     * {@link ConformanceSuiteRegistry#freePort()}, no authentication) and returns its URL and how to stop it.
     */
    static ConformanceSuiteRegistry startServerUnderTest(Path dir) {
        dev.strata.registry.TestRegistry registry = new dev.strata.registry.TestRegistry(
                dev.strata.registry.RegistrySettings.defaults(dir).withAddress("127.0.0.1:0"));
        return new ConformanceSuiteRegistry(registry.server.baseUri(), registry);
    }

    @Test
    void strataFailsNoSpec(@TempDir Path dir) throws Exception {
        try (ConformanceSuiteRegistry registry = startServerUnderTest(dir.resolve("registry"))) {
            ConformanceSuiteReport report = suite.run(registry.url(), out.resolve("report-strata"), Map.of());

            assertThat(report.failures()).as(report.describe()).isEmpty();
            assertThat(report.ran()).as(report.describe()).isEqualTo(74);
        }
    }

    @Test
    void strataFailsNoSpecWithAutomaticCrossMountingToo(@TempDir Path dir) throws Exception {
        // the server mounts a blob the client may pull even without `from`: the suite's other mount branch
        try (ConformanceSuiteRegistry registry = startServerUnderTest(dir.resolve("registry"))) {
            ConformanceSuiteReport report = suite.run(registry.url(), out.resolve("report-strata-automount"),
                    Map.of("OCI_AUTOMATIC_CROSSMOUNT", "1"));

            assertThat(report.failures()).as(report.describe()).isEmpty();
            assertThat(report.ran()).as(report.describe()).isEqualTo(75); // the automatic-mount branch has one spec more
        }
    }

    @Test
    void distributionFailsExactlyItsKnownSpecs(@TempDir Path dir) throws Exception {
        try (ConformanceSuiteRegistry registry = ConformanceSuiteRegistry.distribution(dir.resolve("registry"))) {
            ConformanceSuiteReport report = suite.run(registry.url(), out.resolve("report-distribution"), Map.of());

            assertThat(report.failures()).as(report.describe()).containsExactlyInAnyOrderElementsOf(DISTRIBUTION_FAILURES);
            assertThat(report.count(Outcome.PASSED)).as(report.describe()).isEqualTo(62);
            assertThat(report.count(Outcome.SKIPPED)).as(report.describe()).isEqualTo(5);
        }
    }
}
