package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class SystemCallTest {
    // The kernel's own tables, from Debian's linux-libc-dev (which run-tests installs): x86-64's, and the generic
    // one that arm64 uses. The only check of the aarch64 column on an amd64 machine.
    private static final Path AMD64_TABLE = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
    private static final Path GENERIC_TABLE = Path.of("/usr/include/asm-generic/unistd.h");
    // The generic table numbers the calls whose argument widths differ between 32 and 64 bits (fcntl...) as
    // __NR3264_NAME, which __NR_NAME is on 64-bit machines.
    private static final Pattern DEFINE =
            Pattern.compile("^#define\\s+__NR(?:3264)?_(\\w+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    @Test
    void everyNumberIsTheKernelsOnAmd64AndOnAarch64() throws IOException {
        Map<String, Long> amd64 = numbers(AMD64_TABLE);
        Map<String, Long> aarch64 = numbers(GENERIC_TABLE);

        SoftAssertions softly = new SoftAssertions();
        for (SystemCall call : SystemCall.values()) {
            softly.assertThat(call.numberOn("amd64")).as("amd64 " + call.kernelName())
                    .isEqualTo(amd64.get(call.kernelName()));
            softly.assertThat(call.numberOn("aarch64")).as("aarch64 " + call.kernelName())
                    .isEqualTo(aarch64.get(call.kernelName()));
        }
        softly.assertAll();
    }

    @Test
    void anUnknownArchitectureIsAClearErrorNamingTheCall() {
        assertThatThrownBy(() -> SystemCall.OPENAT.numberOn("riscv64"))
                .isInstanceOf(UnsatisfiedLinkError.class)
                .hasMessageContaining("openat")
                .hasMessageContaining("riscv64");
    }

    private static Map<String, Long> numbers(Path table) throws IOException {
        assertThat(table).as("the kernel's system call table (Debian package linux-libc-dev)").isRegularFile();
        Map<String, Long> numbers = new HashMap<>();
        Matcher define = DEFINE.matcher(Files.readString(table));
        while (define.find()) {
            numbers.put(define.group(1), Long.parseLong(define.group(2)));
        }
        assertThat(numbers).as("system calls read from " + table).hasSizeGreaterThan(300);
        return numbers;
    }
}
