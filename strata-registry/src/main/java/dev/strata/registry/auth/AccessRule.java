package dev.strata.registry.auth;

import dev.strata.registry.auth.Authorizer.Action;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One permission rule: the accounts it applies to, the resources (type and name) it covers, and the actions it
 * grants there. Patterns are globs where {@code *} matches any run of characters, {@code /} included, and {@code ?}
 * one character other than {@code /}; in {@code name}, {@code ${account}} stands for the requesting account's name,
 * so {@code {account: "*", name: "${account}/*"}} gives every user a namespace. The account {@code anonymous}
 * means requests without credentials and is matched only by that exact word, never by a glob. Immutable.
 *
 * @param account a glob over account names, or {@code anonymous}
 * @param type    a glob over resource types: {@code repository} (the default), {@code registry} (for
 *                {@code registry:catalog:*})
 * @param name    a glob over resource names: repository names, or {@code catalog}
 * @param actions what the rule grants; {@link Action#ALL} grants every action
 */
public record AccessRule(String account, String type, String name, Set<Action> actions) {
    /** The account name of requests that carry no credentials. */
    public static final String ANONYMOUS = "anonymous";
    private static final String PLACEHOLDER = "${account}";

    public AccessRule {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        actions = Set.copyOf(actions);
        if (account.isEmpty() || type.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("an access rule needs a non-empty account, type and name");
        }
    }

    /** A rule over repositories. */
    public static AccessRule repository(String account, String name, Action... actions) {
        return new AccessRule(account, "repository", name, Set.of(actions));
    }

    /**
     * Whether the rule applies to {@code account} (empty: anonymous) asking for resource {@code type:name}.
     */
    public boolean matches(Optional<String> account, String type, String name) {
        boolean anonymousRule = this.account.equals(ANONYMOUS);
        boolean accountMatches = account.map(a -> !anonymousRule && glob(this.account).matcher(a).matches())
                .orElse(anonymousRule);
        if (!accountMatches || !glob(this.type).matcher(type).matches()) {
            return false;
        }
        if (this.name.contains(PLACEHOLDER)) {
            // an anonymous request has no namespace
            return account.isPresent() && namePattern(account.get()).matcher(name).matches();
        }
        return glob(this.name).matcher(name).matches();
    }

    private Pattern namePattern(String accountName) {
        var regex = new StringBuilder();
        String[] parts = name.split(Pattern.quote(PLACEHOLDER), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(Pattern.quote(accountName));
            }
            regex.append(globRegex(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(globRegex(pattern));
    }

    private static String globRegex(String glob) {
        var regex = new StringBuilder();
        var literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
