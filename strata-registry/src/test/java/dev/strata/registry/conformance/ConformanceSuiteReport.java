package dev.strata.registry.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What one run of the conformance suite reported in its JUnit XML file: each spec with its outcome, plus the
 * suite-level nodes ginkgo also reports as test cases (its report-after-suite hooks). Immutable.
 */
record ConformanceSuiteReport(List<Spec> specs, List<Spec> suiteNodes) {
    /** The suite's top container: every spec's name starts with it (setup.go's {@code suiteDescription}). */
    static final String SUITE_DESCRIPTION = "OCI Distribution Conformance Tests";

    ConformanceSuiteReport {
        specs = List.copyOf(specs);
        suiteNodes = List.copyOf(suiteNodes);
    }

    /** How a spec ended. */
    enum Outcome { PASSED, FAILED, SKIPPED }

    /**
     * One reported test case.
     *
     * @param name the spec's name without {@link #SUITE_DESCRIPTION}, e.g. "Pull Setup Populate registry with test blob"
     * @param message the failure or skip message, empty when it passed
     */
    record Spec(String name, Outcome outcome, String message) {
        Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Reads a report that ginkgo's JUnit reporter wrote. */
    static ConformanceSuiteReport read(Path junitXml) throws IOException {
        try (InputStream in = Files.newInputStream(junitXml)) {
            return parse(in);
        }
    }

    /** Parses a JUnit XML report; ginkgo writes one {@code testcase} per spec and per suite-level node. */
    static ConformanceSuiteReport parse(InputStream xml) throws IOException {
        NodeList cases;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" lines to stderr before throwing; the exception says it all.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            cases = builder.parse(xml).getElementsByTagName("testcase");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the conformance suite's JUnit report: " + e.getMessage(), e);
        }
        List<Spec> specs = new ArrayList<>();
        List<Spec> suiteNodes = new ArrayList<>();
        String prefix = SUITE_DESCRIPTION + " ";
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            String name = testcase.getAttribute("name");
            Spec spec = new Spec(name.startsWith(prefix) ? name.substring(prefix.length()) : name,
                    outcome(testcase), message(testcase));
            (name.startsWith(prefix) ? specs : suiteNodes).add(spec);
        }
        return new ConformanceSuiteReport(specs, suiteNodes);
    }

    // JUnit XML's own vocabulary (failure, error, skipped children) rather than ginkgo's extra status attribute.
    private static Outcome outcome(Element testcase) {
        if (child(testcase, "failure") != null || child(testcase, "error") != null) {
            return Outcome.FAILED;
        }
        return child(testcase, "skipped") != null ? Outcome.SKIPPED : Outcome.PASSED;
    }

    private static String message(Element testcase) {
        for (String tag : List.of("failure", "error", "skipped")) {
            Element e = child(testcase, tag);
            if (e != null) {
                return e.getAttribute("message");
            }
        }
        return "";
    }

    private static Element child(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }

    /** How many specs ended so. */
    long count(Outcome outcome) {
        return specs.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** The specs that ran: passed or failed, not skipped. */
    long ran() {
        return specs.size() - count(Outcome.SKIPPED);
    }

    /** The names of the failed specs and suite-level nodes, in the order the suite ran them. */
    List<String> failures() {
        List<String> names = new ArrayList<>();
        for (List<Spec> list : List.of(specs, suiteNodes)) {
            list.stream().filter(s -> s.outcome() == Outcome.FAILED).map(Spec::name).forEach(names::add);
        }
        return names;
    }

    /** One line, ginkgo's summary: "74 specs run: 62 passed, 12 failed, 5 skipped". */
    String summary() {
        long failedNodes = suiteNodes.stream().filter(s -> s.outcome() == Outcome.FAILED).count();
        return ran() + " specs run: " + count(Outcome.PASSED) + " passed, " + count(Outcome.FAILED) + " failed, "
                + count(Outcome.SKIPPED) + " skipped" + (failedNodes == 0 ? "" : "; " + failedNodes + " suite nodes failed");
    }

    /** The summary and every failure with its message, for an assertion's description. */
    String describe() {
        StringBuilder text = new StringBuilder(summary());
        for (List<Spec> list : List.of(specs, suiteNodes)) {
            list.stream().filter(s -> s.outcome() == Outcome.FAILED)
                    .forEach(s -> text.append("\n  FAILED ").append(s.name()).append(": ").append(s.message().strip()));
        }
        return text.toString();
    }
}
