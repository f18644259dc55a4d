package dev.strata.core.runtime;

import dev.strata.core.sys.Spawn;
import dev.strata.core.sys.SpawnRequest;
import dev.strata.core.sys.SpawnedProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What one run of a short-lived helper command gave: its exit code and what it wrote. */
record CommandResult(int exitCode, String stdout, String stderr) {
    /**
     * Runs {@code command} to its end with stdin on {@code /dev/null} and this JVM's environment. Both outputs are
     * read on this thread as they come, so a full pipe on either side never stalls the command. The command must
     * not leave a process behind holding its stdout or stderr, or this waits for that process too.
     */
    static CommandResult run(List<String> command) throws IOException {
        // closing reaps the command, killing it first if reading failed midway
        try (SpawnedProcess process = Spawn.start(SpawnRequest.of(command))) {
            SpawnedProcess.Outputs outputs = process.readStdoutAndStderr();
            return new CommandResult(process.waitFor(), new String(outputs.stdout(), StandardCharsets.UTF_8),
                    new String(outputs.stderr(), StandardCharsets.UTF_8));
        }
    }
}
