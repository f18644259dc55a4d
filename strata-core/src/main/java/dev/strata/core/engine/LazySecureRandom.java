package dev.strata.core.engine;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link SecureRandom} made when the first number is drawn: making one loads the security providers (some 15 ms),
 * and most commands that reach the container verbs — a fully cached build, {@code ps} — never draw one.
 * Thread-safe.
 */
final class LazySecureRandom implements RandomGenerator {
    private volatile SecureRandom random;

    @Override
    public long nextLong() {
        return random().nextLong();
    }

    @Override
    public int nextInt() {
        return random().nextInt();
    }

    @Override
    public int nextInt(int bound) {
        return random().nextInt(bound);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random().nextBytes(bytes);
    }

    private SecureRandom random() {
        SecureRandom made = random;
        if (made == null) {
            synchronized (this) {
                made = random;
                if (made == null) {
                    random = made = new SecureRandom();
                }
            }
        }
        return made;
    }
}
