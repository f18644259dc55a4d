package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLoggerFinderTest {
    @Test
    void theJdkFindsThisFinderOnTheClassPath() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(ConsoleLoggerFinder.class);
    }

    @Test
    void infoAndAboveArePrintedOneLineEachDebugIsNot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.Logger logger = new ConsoleLoggerFinder.ConsoleLogger("jdk.test", new PrintStream(bytes, true, StandardCharsets.UTF_8));

        logger.log(System.Logger.Level.DEBUG, "hidden");
        logger.log(System.Logger.Level.WARNING, "disk {0} is {1}% full", "sda", 93);
        logger.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("boom"));

        assertThat(logger.isLoggable(System.Logger.Level.DEBUG)).isFalse();
        assertThat(logger.isLoggable(System.Logger.Level.OFF)).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "strata: jdk.test: WARNING: disk sda is 93% full\n"
                        + "strata: jdk.test: ERROR: failed: java.lang.IllegalStateException: boom\n");
    }
}
