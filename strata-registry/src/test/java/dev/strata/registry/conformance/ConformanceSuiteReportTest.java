package dev.strata.registry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.registry.conformance.ConformanceSuiteReport.Outcome;
import dev.strata.registry.conformance.ConformanceSuiteReport.Spec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConformanceSuiteReportTest {
    // The shape ginkgo 2.11's JUnit reporter writes with OmitLeafNodeType, as the suite configures it.
    static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
              <testsuites tests="5" disabled="1" errors="0" failures="2" time="0.4">
                <testsuite name="conformance tests" package="/tmp" tests="5" skipped="1" failures="2">
                  <properties><property name="SuiteSucceeded" value="false"></property></properties>
                  <testcase name="OCI Distribution Conformance Tests Pull Setup Populate registry with test blob" classname="conformance tests" status="passed" time="0.01">
                    <system-err>&gt; Enter [It] Populate registry with test blob</system-err>
                  </testcase>
                  <testcase name="OCI Distribution Conformance Tests Push Blob Upload Chunked Out-of-order blob upload should return 416" classname="conformance tests" status="failed" time="0.009">
                    <failure message="Expected&#xA;    &lt;int&gt;: 202&#xA;to equal&#xA;    &lt;int&gt;: 416" type="failed">[FAILED] Expected</failure>
                  </testcase>
                  <testcase name="OCI Distribution Conformance Tests Push Cross-Repository Blob Mount Cross-mounting of nonexistent blob should yield session id" classname="conformance tests" status="skipped" time="0">
                    <skipped message="skipped - you have skipped this test."></skipped>
                  </testcase>
                  <testcase name="html custom reporter" classname="conformance tests" status="passed" time="0.001"></testcase>
                  <testcase name="junit custom reporter" classname="conformance tests" status="panicked" time="0.001">
                    <error message="runtime error" type="panicked">panic</error>
                  </testcase>
                </testsuite>
              </testsuites>
            """;

    @Test
    void readsEachSpecsOutcomeAndMessage() throws IOException {
        ConformanceSuiteReport report = parse(REPORT);

        assertThat(report.specs()).containsExactly(
                new Spec("Pull Setup Populate registry with test blob", Outcome.PASSED, ""),
                new Spec("Push Blob Upload Chunked Out-of-order blob upload should return 416", Outcome.FAILED,
                        "Expected\n    <int>: 202\nto equal\n    <int>: 416"),
                new Spec("Push Cross-Repository Blob Mount Cross-mounting of nonexistent blob should yield session id",
                        Outcome.SKIPPED, "skipped - you have skipped this test."));
        assertThat(report.ran()).isEqualTo(2);
    }

    @Test
    void aFailedSuiteLevelNodeIsAFailureThoughNotASpec() throws IOException {
        ConformanceSuiteReport report = parse(REPORT);

        assertThat(report.suiteNodes()).extracting(Spec::name).containsExactly("html custom reporter", "junit custom reporter");
        assertThat(report.failures()).containsExactly(
                "Push Blob Upload Chunked Out-of-order blob upload should return 416", "junit custom reporter");
        assertThat(report.summary()).isEqualTo("2 specs run: 1 passed, 1 failed, 1 skipped; 1 suite nodes failed");
        assertThat(report.describe()).contains("FAILED junit custom reporter: runtime error");
    }

    @Test
    void refusesWhatIsNotXml() {
        assertThatThrownBy(() -> parse("junit.xml was cut short <testsuites"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot read the conformance suite's JUnit report");
    }

    private static ConformanceSuiteReport parse(String xml) throws IOException {
        return ConformanceSuiteReport.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
