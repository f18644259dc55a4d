package dev.strata.core.build.context;

import java.nio.file.Path;
import java.util.List;

/**
 * Times the checksum of a whole context ({@code COPY . /app/}) as a build would compute it: not a test, a program.
 * Arguments: the context directory, the cache directory, and how many runs; each run opens the cache from disk
 * again, as a new build process would. Prints one line per run.
 */
public final class ChecksumBenchmark {
    private ChecksumBenchmark() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        Path contextDir = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            try (BuildContext context = BuildContext.directory(contextDir);
                 ContextChecksums sums = ContextChecksums.open(context, cache)) {
                CopyPlan plan = new CopyPlanner(context, IgnoreRules.none(), sums)
                        .plan(CopyRequest.of("COPY", List.of("."), "/app/", "/"));
                sums.flush();
                long t1 = System.nanoTime();
                System.out.printf("run %d: %.1f ms, %d entries, %s, %s%n", run, (t1 - t0) / 1e6, plan.entries().size(),
                        sums.stats(), plan.checksum());
            }
        }
        System.out.printf("total in JVM: %.1f ms%n", (System.nanoTime() - start) / 1e6);
    }
}
