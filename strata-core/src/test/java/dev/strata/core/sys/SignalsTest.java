package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalsTest {
    @Test
    void acceptsNumbersNamesAndNamesWithoutPrefixInAnyCase() {
        assertThat(Signals.number("9")).hasValue(9);
        assertThat(Signals.number("KILL")).hasValue(9);
        assertThat(Signals.number("SIGTERM")).hasValue(15);
        assertThat(Signals.number("sigwinch")).hasValue(Signals.SIGWINCH);
        assertThat(Signals.number("usr1")).hasValue(10);
        assertThat(Signals.number("34")).hasValue(34);
    }

    @Test
    void rejectsWhatIsNoSignal() {
        assertThat(Signals.number("0")).isEmpty();
        assertThat(Signals.number("65")).isEmpty();
        assertThat(Signals.number("SIGNOPE")).isEmpty();
        assertThat(Signals.number("")).isEmpty();
        assertThat(Signals.number("99999999999")).isEmpty();
    }

    @Test
    void namesStandardSignals() {
        assertThat(Signals.name(2)).contains("SIGINT");
        assertThat(Signals.name(40)).isEmpty();
    }
}
