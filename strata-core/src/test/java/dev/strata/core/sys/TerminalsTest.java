package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TerminalsTest {
    private static final int ECHO = 0x8;
    private static final int ICANON = 0x2;

    @Test
    void rawModeTurnsOffEchoAndLineEditingAndClosingRestoresThem() throws Throwable {
        int[] pty = NativeTestSupport.openPty();
        try {
            int before = NativeTestSupport.localFlags(pty[1]);
            assertThat(before & (ECHO | ICANON)).isEqualTo(ECHO | ICANON);

            try (RawTerminal raw = Terminals.rawMode(pty[1])) {
                assertThat(NativeTestSupport.localFlags(pty[1]) & (ECHO | ICANON)).isZero();
            }

            assertThat(NativeTestSupport.localFlags(pty[1])).isEqualTo(before);
        } finally {
            NativeTestSupport.close(pty[0]);
            NativeTestSupport.close(pty[1]);
        }
    }

    @Test
    void windowSizeReadsWhatWasSet() throws Throwable {
        int[] pty = NativeTestSupport.openPty();
        try {
            Terminals.setWindowSize(pty[0], new WindowSize(42, 137));

            assertThat(Terminals.windowSize(pty[1])).contains(new WindowSize(42, 137));
            assertThat(Terminals.isTerminal(pty[1])).isTrue();
        } finally {
            NativeTestSupport.close(pty[0]);
            NativeTestSupport.close(pty[1]);
        }
    }

    @Test
    void aFileIsNoTerminal() throws Throwable {
        int fd = NativeTestSupport.openReadOnly(Path.of("/dev/null"));
        try {
            assertThat(Terminals.isTerminal(fd)).isFalse();
            assertThat(Terminals.windowSize(fd)).isEmpty();
            assertThatThrownBy(() -> Terminals.rawMode(fd))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOTTY));
        } finally {
            NativeTestSupport.close(fd);
        }
    }
}
