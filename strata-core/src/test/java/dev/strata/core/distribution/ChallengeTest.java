package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {
    @Test
    void parsesDockerHubsBearerChallengeWithQuotedCommas() {
        List<Challenge> c = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:samalba/my-app:pull,push\"");
        assertThat(c).containsExactly(new Challenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:samalba/my-app:pull,push")));
        assertThat(c.getFirst().isBearer()).isTrue();
    }

    @Test
    void parsesSeveralChallengesInOneHeaderAndUnquotedValues() {
        List<Challenge> c = Challenge.parse("Basic realm=\"Registry Realm\", Bearer realm=https://h/token, service=h");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).isBasic()).isTrue();
        assertThat(c.get(0).parameter("realm")).isEqualTo("Registry Realm");
        assertThat(c.get(1).parameter("realm")).isEqualTo("https://h/token");
        assertThat(c.get(1).parameter("service")).isEqualTo("h");
    }

    @Test
    void unescapesQuotedPairsAndLowerCasesNames() {
        List<Challenge> c = Challenge.parse("BASIC Realm=\"a \\\"b\\\" c\"");
        assertThat(c.getFirst().scheme()).isEqualTo("basic");
        assertThat(c.getFirst().parameter("realm")).isEqualTo("a \"b\" c");
    }

    @Test
    void emptyOrGarbledHeadersGiveNoChallengesInsteadOfFailing() {
        assertThat(Challenge.parse("")).isEmpty();
        assertThat(Challenge.parse(null)).isEmpty();
        assertThat(Challenge.parse("=,=\"")).isEmpty();
    }

    @Test
    void scopesAreWrittenAsTheTokenProtocolWantsThem() {
        assertThat(Scope.pull("library/busybox")).hasToString("repository:library/busybox:pull");
        assertThat(Scope.push("me/app")).hasToString("repository:me/app:pull,push");
        assertThat(Scope.catalog()).hasToString("registry:catalog:*");
    }
}
