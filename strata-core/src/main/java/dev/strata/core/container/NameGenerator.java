package dev.strata.core.container;

import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Names for containers created without {@code --name}: "adjective_surname", as Docker makes them, from lists of
 * our own (pioneers of computing and of the sciences). Thread-safe if the random generator is.
 */
public final class NameGenerator {
    private static final List<String> ADJECTIVES = List.of("agile", "bold", "brave", "bright", "calm", "careful",
            "clever", "cool", "curious", "daring", "eager", "earnest", "fearless", "fond", "gentle", "glad", "happy",
            "humble", "jolly", "keen", "kind", "lively", "loyal", "lucid", "merry", "modest", "nimble", "noble",
            "patient", "placid", "plucky", "proud", "quiet", "quick", "radiant", "serene", "sharp", "sleepy", "steady",
            "stoic", "sunny", "swift", "tender", "tidy", "upbeat", "vigilant", "vivid", "warm", "wise", "witty",
            "zealous");
    private static final List<String> SURNAMES = List.of("agnesi", "babbage", "backus", "bardeen", "bohr", "boole",
            "cerf", "chandrasekhar", "curie", "dijkstra", "einstein", "euler", "faraday", "fermi", "feynman", "franklin",
            "gauss", "germain", "goldberg", "goodall", "hamilton", "hawking", "hopper", "hypatia", "johnson", "kepler",
            "knuth", "lamarr", "lamport", "liskov", "lovelace", "maxwell", "meitner", "mendel", "mirzakhani", "newton",
            "noether", "pascal", "pasteur", "perlman", "ritchie", "shannon", "sinoussi", "thompson", "turing",
            "wilkes", "wozniak", "yalow", "yonath", "zuse");

    private final RandomGenerator random;

    public NameGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A name not yet taken; after many collisions a digit is appended, as Docker does. */
    public String next(Predicate<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
                    + SURNAMES.get(random.nextInt(SURNAMES.size()));
            if (attempt >= 10) {
                name = name + random.nextInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
