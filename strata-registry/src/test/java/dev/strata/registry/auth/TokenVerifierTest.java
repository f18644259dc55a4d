package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Scope;
import dev.strata.registry.auth.jose.InvalidTokenException;
import dev.strata.registry.auth.jose.SigningKey;
import dev.strata.registry.auth.jose.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    private final Instant start = Instant.parse("2025-06-01T12:00:00Z");
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(start);
    private final SigningKey key = Fixtures.key(start);
    private final TokenIssuer issuer = new TokenIssuer(key, "strata", "registry.test", Duration.ofMinutes(5),
            Duration.ofDays(1), clock, new SecureRandom());
    private final TokenVerifier verifier = new TokenVerifier(new TrustedKeys(key.chain()), "strata", "registry.test",
            clock);

    private String token(String subject, TokenClaims.AccessEntry... access) {
        return issuer.issue(Optional.ofNullable(subject), List.of(access)).token();
    }

    @Test
    void aTokenOfOurIssuerVerifiesAndCarriesItsClaims() {
        String token = token("alice", new TokenClaims.AccessEntry("repository", "alice/app", List.of("pull", "push")));

        TokenClaims claims = verifier.verify(token);

        assertThat(claims.subject()).contains("alice");
        assertThat(claims.issuer()).isEqualTo("strata");
        assertThat(claims.audience()).containsExactly("registry.test");
        assertThat(claims.expiresAt()).isEqualTo(start.plus(Duration.ofMinutes(5)));
        assertThat(claims.id()).isPresent();
        assertThat(claims.covers(Scope.repository("alice/app", Action.PULL, Action.PUSH))).isTrue();
        assertThat(claims.covers(Scope.repository("alice/app", Action.DELETE))).isFalse();
        assertThat(claims.covers(Scope.repository("bob/app", Action.PULL))).isFalse();
        assertThat(claims.covers(Scope.BASE)).isTrue();
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheLeewayIsSpent() {
        String token = token("alice");

        clock.advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(verifier.verify(token).subject()).contains("alice");
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenFromTheFutureIsRefusedBeyondTheLeeway() {
        var early = new Fixtures.MutableClock(start.minus(Duration.ofMinutes(2)));
        var lateVerifier = new TokenVerifier(new TrustedKeys(key.chain()), "strata", "registry.test", early);

        assertThatThrownBy(() -> lateVerifier.verify(token("alice"))).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not valid before");
    }

    @Test
    void refusesAnotherIssuerAnotherAudienceAndAnUntrustedKey() {
        String token = token("alice");

        assertThatThrownBy(() -> new TokenVerifier(new TrustedKeys(key.chain()), "other", "registry.test", clock)
                .verify(token)).hasMessageContaining("issuer");
        assertThatThrownBy(() -> new TokenVerifier(new TrustedKeys(key.chain()), "strata", "elsewhere", clock)
                .verify(token)).hasMessageContaining("audience");
        SigningKey stranger = Fixtures.key(start);
        assertThatThrownBy(() -> new TokenVerifier(new TrustedKeys(stranger.chain()), "strata", "registry.test", clock)
                .verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("not trusted");
    }

    @Test
    void refusesATamperedTokenAndTheNoneAlgorithm() {
        String[] parts = token("bob").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = b64(claims.replace("\"bob\"", "\"admin\""));

        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> verifier.verify(b64("{\"alg\":\"none\",\"kid\":\"" + key.keyId() + "\"}") + "."
                + forged + ".")).isInstanceOf(InvalidTokenException.class).hasMessageContaining("none");
        assertThatThrownBy(() -> verifier.verify("not a token")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void findsTheKeyByItsLibtrustKeyIdWhenTheTokenHasNoCertificateChain() throws Exception {
        long now = start.getEpochSecond();
        String payload = "{\"iss\":\"strata\",\"sub\":\"carol\",\"aud\":\"registry.test\",\"exp\":" + (now + 60)
                + ",\"access\":[{\"type\":\"registry\",\"name\":\"catalog\",\"actions\":[\"*\"]}]}";

        TokenClaims claims = verifier.verify(kidOnly(key, key.keyId(), payload));

        assertThat(claims.subject()).contains("carol");
        assertThat(claims.covers(Scope.catalog())).isTrue();
        assertThatThrownBy(() -> verifier.verify(kidOnly(key, "AAAA:BBBB", payload)))
                .hasMessageContaining("untrusted key");
    }

    @Test
    void aRefreshTokenIsNoAccessToken() {
        String refresh = issuer.refreshToken("alice", "fingerprint");

        assertThat(issuer.readRefreshToken(refresh)).isEqualTo(new TokenIssuer.RefreshGrant("alice", "fingerprint"));
        assertThatThrownBy(() -> verifier.verify(refresh)).hasMessageContaining("audience");
        assertThatThrownBy(() -> issuer.readRefreshToken(token("alice"))).hasMessageContaining("audience");
    }

    static String kidOnly(SigningKey key, String kid, String payload) throws Exception {
        String input = b64("{\"typ\":\"JWT\",\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}") + "." + b64(payload);
        var signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key.privateKey());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
