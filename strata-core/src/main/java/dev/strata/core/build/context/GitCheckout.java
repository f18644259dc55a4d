package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a git context out with the {@code git} program: an empty repository fetches just the wanted ref at
 * depth 1 (a commit that the remote will not serve by name is fetched with the full history instead), checks it
 * out, brings submodules along, then drops {@code .git}, as BuildKit does unless asked to keep it. Git never
 * prompts: a repository that needs credentials fails. Stateless.
 */
final class GitCheckout {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,64}");

    private final String git;

    GitCheckout(String git) {
        this.git = git;
    }

    /** Checks {@code url} out into the empty directory {@code into}. */
    void checkout(GitUrl url, Path into) {
        run(into.getParent(), "init", "-q", into.toString());
        run(into, "remote", "add", "origin", url.remote());
        String ref = url.ref() == null ? "HEAD" : url.ref();
        String target = "FETCH_HEAD";
        try {
            run(into, "fetch", "-q", "--depth", "1", "--no-tags", "origin", "--", ref);
        } catch (StrataException shallow) {
            if (url.ref() == null || !COMMIT.matcher(ref).matches()) {
                throw shallow;
            }
            run(into, "fetch", "-q", "--no-tags", "origin"); // an abbreviated or unadvertised commit: take it all
            target = ref;
        }
        run(into, "-c", "advice.detachedHead=false", "checkout", "-q", "--detach", target);
        if (Files.exists(into.resolve(".gitmodules"))) {
            run(into, "submodule", "update", "-q", "--init", "--recursive", "--depth", "1");
        }
        try {
            FileTrees.delete(into.resolve(".git"));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "unable to prepare context: cannot remove " + into.resolve(".git") + ": " + e.getMessage(), e);
        }
    }

    private void run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(git);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GIT_TERMINAL_PROMPT", "0"); // a build must fail, not wait for a password nobody will type
        env.put("GIT_ASKPASS", "true");
        env.put("LC_ALL", "C");
        String output;
        int status;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            status = process.waitFor();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "unable to prepare context: cannot run " + git
                    + ": " + e.getMessage() + "; install git (apt-get install git)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "unable to prepare context: interrupted", e);
        }
        if (status != 0) {
            String step = switch (arguments[0].equals("-c") ? arguments[2] : arguments[0]) {
                case "init" -> "initializing the repository";
                case "remote" -> "adding the remote";
                case "fetch" -> "fetching";
                case "checkout" -> "checking out";
                default -> "initializing submodules";
            };
            throw new StrataException(StrataException.Kind.NOT_FOUND, "unable to prepare context: unable to 'git clone'"
                    + " to temporary context directory: error " + step + ": " + output.replace('\n', ' '));
        }
    }
}
