package dev.strata.registry.auth;

import dev.strata.registry.auth.jose.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helpers: htpasswd files made by Apache's own {@code htpasswd -B}, keys, and a settable clock. */
final class Fixtures {
    private Fixtures() {}

    /** Adds (or replaces) {@code user} in {@code file} with a bcrypt hash made by {@code htpasswd -B}. */
    static void htpasswd(Path file, String user, String password) {
        var command = new ArrayList<>(List.of("htpasswd", "-B", "-b"));
        if (!Files.exists(file)) {
            command.add("-c");
        }
        command.addAll(List.of(file.toString(), user, password));
        run(command);
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst()
                    + " (Debian packages apache2-utils, openssl, docker-registry): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SigningKey key(Instant now) {
        return SigningKey.generate("test signer", now, Duration.ofDays(1), new SecureRandom());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
