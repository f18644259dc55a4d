package dev.strata.core.build.dockerfile;

/**
 * What each {@code ${VAR<op>word}} operator gives, once the variable's value (null when unset) and the word are
 * known: {@code -} default, {@code +} alternative, {@code ?} required, {@code #}/{@code %} trim a glob from the
 * start/end ({@code ##}/{@code %%} the longest match), {@code /} replace. With {@code :} ({@code nullIsUnset}) an
 * empty value counts as unset.
 */
final class Substitutions {
    private Substitutions() {}

    static String apply(String name, int op, String modifier, boolean nullIsUnset, String value, String word) {
        boolean set = value != null;
        boolean empty = !set || (nullIsUnset && value.isEmpty());
        switch (op) {
            case '-':
                return empty ? word : value;
            case '+':
                return empty ? "" : word;
            case '?':
                if (!set) {
                    throw new ShellSyntaxException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                }
                if (nullIsUnset && value.isEmpty()) {
                    throw new ShellSyntaxException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                }
                return value;
            case '%', '#':
                boolean greedy = !word.isEmpty() && word.codePointAt(0) == op;
                String glob = greedy ? word.substring(1) : word;
                try {
                    String subject = set ? value : "";
                    return op == '%' ? ShellPattern.trimSuffix(glob, subject, greedy)
                            : ShellPattern.trimPrefix(glob, subject, greedy);
                } catch (IllegalArgumentException e) {
                    throw new ShellSyntaxException("invalid pattern (" + glob + ") in substitution: " + e.getMessage());
                }
            default:
                throw new ShellSyntaxException("unsupported modifier (" + modifier + ") in substitution");
        }
    }

    static String replace(String pattern, String value, String replacement, boolean all) {
        try {
            return ShellPattern.replace(pattern, value, replacement, all);
        } catch (IllegalArgumentException e) {
            throw new ShellSyntaxException("invalid pattern (" + pattern + ") in substitution: " + e.getMessage());
        }
    }
}
