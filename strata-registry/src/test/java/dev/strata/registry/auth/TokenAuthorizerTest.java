package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Decision;
import dev.strata.registry.auth.Authorizer.Scope;
import dev.strata.registry.auth.jose.SigningKey;
import dev.strata.registry.auth.jose.TrustedKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAuthorizerTest {
    private static final String REALM = "http://127.0.0.1:5000/auth/token";

    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final SigningKey key = Fixtures.key(clock.instant());
    private final TokenIssuer issuer = new TokenIssuer(key, "strata", "registry.test", Duration.ofMinutes(5),
            Duration.ofDays(1), clock, new SecureRandom());
    private final TokenAuthorizer authorizer = new TokenAuthorizer(
            new TokenVerifier(new TrustedKeys(key.chain()), "strata", "registry.test", clock), REALM, "registry.test");

    private String bearer(Optional<String> subject, TokenClaims.AccessEntry... access) {
        return "Bearer " + issuer.issue(subject, List.of(access)).token();
    }

    @Test
    void aTokenCoveringTheOperationIsAllowedAndNamesItsSubject() {
        String token = bearer(Optional.of("alice"),
                new TokenClaims.AccessEntry("repository", "alice/app", List.of("pull", "push")));

        assertThat(authorizer.authorize(token, Scope.repository("alice/app", Action.PUSH)))
                .isEqualTo(new Decision.Allowed("alice"));
        assertThat(authorizer.authorize(bearer(Optional.empty()), Scope.BASE))
                .isEqualTo(new Decision.Allowed("anonymous"));
    }

    @Test
    void noTokenGetsTheChallengeWithServiceAndScope() {
        assertThat(authorizer.authorize(null, Scope.repository("alice/app", Action.PULL, Action.PUSH)))
                .isEqualTo(new Decision.Denied(401, "UNAUTHORIZED", "authentication required", Optional.of(
                        "Bearer realm=\"" + REALM + "\",service=\"registry.test\",scope=\"repository:alice/app:pull,push\"")));
        assertThat(authorizer.authorize(BasicAuthorizerTest.basic("alice", "pw"), Scope.BASE))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.challenge())
                        .contains("Bearer realm=\"" + REALM + "\",service=\"registry.test\""));
    }

    @Test
    void anExpiredOrForeignTokenIsAnInvalidToken() {
        String token = bearer(Optional.of("alice"));
        clock.advance(Duration.ofMinutes(7));

        Decision decision = authorizer.authorize(token, Scope.BASE);

        assertThat(decision).isInstanceOfSatisfying(Decision.Denied.class, d -> {
            assertThat(d.status()).isEqualTo(401);
            assertThat(d.code()).isEqualTo("UNAUTHORIZED");
            assertThat(d.message()).contains("expired");
            assertThat(d.challenge()).contains("Bearer realm=\"" + REALM
                    + "\",service=\"registry.test\",error=\"invalid_token\"");
        });
    }

    @Test
    void aGoodTokenThatDoesNotCoverTheOperationIsInsufficientScopeWith401AsDistributionAnswers() {
        String token = bearer(Optional.of("bob"),
                new TokenClaims.AccessEntry("repository", "alice/app", List.of("pull")));

        assertThat(authorizer.authorize(token, Scope.repository("alice/app", Action.PUSH)))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> {
                    assertThat(d.status()).isEqualTo(401);
                    assertThat(d.challenge()).contains("Bearer realm=\"" + REALM + "\",service=\"registry.test\","
                            + "scope=\"repository:alice/app:push\",error=\"insufficient_scope\"");
                });
        assertThat(authorizer.authorize(token, Scope.catalog()))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.challenge().orElseThrow())
                        .contains("scope=\"registry:catalog:*\""));
    }
}
