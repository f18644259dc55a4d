package dev.strata.core.runtime.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A container process's environment, composed as Docker composes it: its own variables first ({@code PATH},
 * {@code HOSTNAME}, {@code TERM} for a terminal), then the image and run variables, each replacing a variable of
 * the same name in place or else appended, and finally {@code HOME} from the user's passwd entry when nothing
 * set it (Docker leaves that to runc, which appends it).
 */
final class Environment {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private Environment() {}

    /** {@code hostname} null means no {@code HOSTNAME} of ours (a process added to a running container). */
    static List<String> compose(String hostname, boolean terminal, List<String> env, String home) {
        List<String> result = new ArrayList<>();
        result.add("PATH=" + DEFAULT_PATH);
        if (hostname != null) {
            result.add("HOSTNAME=" + hostname);
        }
        if (terminal) {
            result.add("TERM=xterm");
        }
        for (String variable : env) {
            replaceOrAppend(result, variable);
        }
        if (result.stream().noneMatch(v -> name(v).equals("HOME"))) {
            result.add("HOME=" + home);
        }
        return List.copyOf(result);
    }

    private static void replaceOrAppend(List<String> env, String variable) {
        String name = name(variable);
        for (int i = 0; i < env.size(); i++) {
            if (name(env.get(i)).equals(name)) {
                env.set(i, variable);
                return;
            }
        }
        env.add(variable);
    }

    private static String name(String variable) {
        int eq = variable.indexOf('=');
        return eq < 0 ? variable : variable.substring(0, eq);
    }
}
