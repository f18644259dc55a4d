package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryHttpTest {
    private static final Duration ANSWER = Duration.ofSeconds(60);

    @Test
    void anUploadIsGivenTimeToSendItsBodyBeforeTheAnswerIsDue() {
        assertThat(RegistryHttp.answerTimeout(ANSWER, 0)).hasValue(ANSWER);
        assertThat(RegistryHttp.answerTimeout(ANSWER, 10L << 30)).hasValue(ANSWER.plusSeconds(10 * 1024));
    }

    @Test
    void aStreamedBodyOfUnknownLengthHasNoTimeout() {
        assertThat(RegistryHttp.answerTimeout(ANSWER, -1)).isEmpty();
    }
}
