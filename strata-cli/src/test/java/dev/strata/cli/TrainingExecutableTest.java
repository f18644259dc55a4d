package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingExecutableTest {
    @Test
    void runsAndExitsZeroOnThisMachine(@TempDir Path dir) throws Exception {
        byte[] program = TrainingExecutable.exitZero(System.getProperty("os.arch"));
        assertThat(program).as("a program for " + System.getProperty("os.arch")).isNotEmpty();
        Path file = Files.write(dir.resolve("true"), program);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));

        Process process = new ProcessBuilder(file.toString()).redirectErrorStream(true).start();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void hasNoProgramForAnUnknownArchitecture() {
        assertThat(TrainingExecutable.exitZero("sparc")).isEmpty();
        assertThat(TrainingExecutable.exitZero("aarch64")).hasSize(64 + 56 + 12);
    }
}
