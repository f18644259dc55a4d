package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {
    private static final Optional<String> ALICE = Optional.of("alice");
    private static final Optional<String> BOB = Optional.of("bob");
    private static final Optional<String> ANONYMOUS = Optional.empty();

    private final Permissions namespaces = Permissions.of(List.of(
            new AccessRule("admin", "*", "*", Set.of(Action.ALL)),
            AccessRule.repository("*", "secret/*"),
            AccessRule.repository("*", "${account}/*", Action.PULL, Action.PUSH, Action.DELETE),
            AccessRule.repository("*", "*", Action.PULL)), true);

    @Test
    void eachAccountOwnsItsNamespaceAndPullsTheRest() {
        assertThat(namespaces.granted(ALICE, "repository", "alice/app"))
                .containsExactlyInAnyOrder(Action.PULL, Action.PUSH, Action.DELETE);
        assertThat(namespaces.granted(ALICE, "repository", "alice/deep/nested/app")).contains(Action.PUSH);
        assertThat(namespaces.granted(ALICE, "repository", "bob/app")).containsExactly(Action.PULL);
        assertThat(namespaces.granted(BOB, "repository", "bob/app")).contains(Action.PUSH);
        assertThat(namespaces.granted(ALICE, "repository", "alicex/app")).containsExactly(Action.PULL);
    }

    @Test
    void theFirstMatchingRuleDecidesSoAnEmptyRuleCarvesOutAnException() {
        assertThat(namespaces.granted(ALICE, "repository", "secret/keys")).isEmpty();
        assertThat(namespaces.granted(Optional.of("admin"), "repository", "secret/keys")).contains(Action.ALL);
        assertThat(namespaces.granted(ANONYMOUS, "repository", "secret/keys"))
                .as("the anonymous-pull rule comes last but nothing before it matches anonymous")
                .containsExactly(Action.PULL);
    }

    @Test
    void anonymousIsMatchedOnlyByItsOwnRulesAndHasNoNamespace() {
        assertThat(namespaces.granted(ANONYMOUS, "repository", "library/busybox")).containsExactly(Action.PULL);
        assertThat(namespaces.permits(ANONYMOUS, Scope.repository("library/busybox", Action.PUSH))).isFalse();
        var noAnonymous = Permissions.of(List.of(AccessRule.repository("*", "*", Action.ALL)), false);
        assertThat(noAnonymous.granted(ANONYMOUS, "repository", "library/busybox")).isEmpty();
        var placeholderOnly = Permissions.of(List.of(
                AccessRule.repository(AccessRule.ANONYMOUS, "${account}/*", Action.PULL)), false);
        assertThat(placeholderOnly.granted(ANONYMOUS, "repository", "anonymous/x")).isEmpty();
    }

    @Test
    void theCatalogIsForAdminsOnly() {
        assertThat(namespaces.permits(Optional.of("admin"), Scope.catalog())).isTrue();
        assertThat(namespaces.permits(ALICE, Scope.catalog())).isFalse();
        assertThat(namespaces.permits(ANONYMOUS, Scope.catalog())).isFalse();
    }

    @Test
    void withoutRulesEveryAccountMayDoEverythingAndAnonymousNothing() {
        var defaults = Permissions.of(List.of(), false);

        assertThat(defaults.permits(ALICE, Scope.repository("any/thing", Action.PULL, Action.PUSH, Action.DELETE)))
                .isTrue();
        assertThat(defaults.permits(ALICE, Scope.catalog())).isTrue();
        assertThat(defaults.permits(ANONYMOUS, Scope.repository("any/thing", Action.PULL))).isFalse();
    }

    @Test
    void allowedIsTheRequestCutDownToTheGrant() {
        assertThat(namespaces.allowed(ALICE, "repository", "bob/app", Set.of(Action.PULL, Action.PUSH)))
                .containsExactly(Action.PULL);
        assertThat(namespaces.allowed(Optional.of("admin"), "registry", "catalog", Set.of(Action.ALL)))
                .containsExactly(Action.ALL);
        assertThat(namespaces.allowed(ALICE, "repository", "alice/app", Set.of(Action.ALL)))
                .as("* is only granted by a rule that grants *").isEmpty();
    }

    @Test
    void questionMarkMatchesOneCharacterButNoSlashAndGlobCharactersInAccountNamesAreLiteral() {
        var rules = new Permissions(List.of(AccessRule.repository("ci-?", "builds/v?", Action.PUSH),
                AccessRule.repository("*", "${account}/*", Action.PUSH)));

        assertThat(rules.granted(Optional.of("ci-1"), "repository", "builds/v2")).containsExactly(Action.PUSH);
        assertThat(rules.granted(Optional.of("ci-12"), "repository", "builds/v2")).isEmpty();
        assertThat(rules.granted(Optional.of("ci-1"), "repository", "builds//")).isEmpty();
        assertThat(rules.granted(Optional.of("a.b"), "repository", "aXb/app")).isEmpty();
        assertThat(rules.granted(Optional.of("a.b"), "repository", "a.b/app")).containsExactly(Action.PUSH);
    }
}
