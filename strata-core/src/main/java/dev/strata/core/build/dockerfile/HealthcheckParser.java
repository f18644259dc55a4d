package dev.strata.core.build.dockerfile;

import dev.strata.core.GoDuration;
import dev.strata.core.GoQuote;
import dev.strata.core.build.dockerfile.FlagSet.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads HEALTHCHECK: {@code NONE}, or options and {@code CMD} in shell or exec form. */
final class HealthcheckParser {
    private static final Duration MINIMUM = Duration.ofMillis(1);

    private HealthcheckParser() {}

    static Healthcheck parse(RawInstruction raw, Origin origin, FlagSet flags) {
        InstructionParser.atLeastOne(raw.args(), "HEALTHCHECK");
        String type = raw.args().get(0).toUpperCase(Locale.ROOT);
        List<String> args = raw.args().subList(1, raw.args().size());
        if (type.equals("NONE")) {
            if (!args.isEmpty()) {
                throw DockerfileException.problem("HEALTHCHECK NONE takes no arguments");
            }
            return new Healthcheck(origin, List.of("NONE"), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
        }
        flags.define("interval", Type.STRING).define("timeout", Type.STRING).define("start-period", Type.STRING)
                .define("start-interval", Type.STRING).define("retries", Type.STRING).parse();
        if (!type.equals("CMD")) {
            throw DockerfileException.problem("Unknown type " + GoQuote.quote(type) + " in HEALTHCHECK (try CMD)");
        }
        List<String> command = raw.json() ? args : args.isEmpty() ? List.of() : List.of(String.join(" ", args));
        if (command.isEmpty()) {
            throw DockerfileException.problem("Missing command after HEALTHCHECK CMD");
        }
        List<String> test = new ArrayList<>(List.of(raw.json() ? "CMD" : "CMD-SHELL"));
        test.addAll(command);
        Duration interval = interval(flags, "interval");
        Duration timeout = interval(flags, "timeout");
        Duration startPeriod = interval(flags, "start-period");
        Duration startInterval = interval(flags, "start-interval");
        return new Healthcheck(origin, test, interval, timeout, startPeriod, startInterval, retries(flags));
    }

    private static Duration interval(FlagSet flags, String name) {
        String value = flags.string(name, "");
        if (value.isEmpty()) {
            return Duration.ZERO;
        }
        Duration d;
        try {
            d = GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw DockerfileException.problem(e.getMessage());
        }
        if (!d.isZero() && d.compareTo(MINIMUM) < 0) {
            throw DockerfileException.problem("Interval " + GoQuote.quote(name) + " cannot be less than 1ms");
        }
        return d;
    }

    private static int retries(FlagSet flags) {
        String value = flags.string("retries", "");
        if (value.isEmpty()) {
            return 0;
        }
        long retries;
        try {
            retries = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw DockerfileException.problem("strconv.ParseInt: parsing " + GoQuote.quote(value) + ": invalid syntax");
        }
        if (retries < Integer.MIN_VALUE || retries > Integer.MAX_VALUE) {
            throw DockerfileException.problem("strconv.ParseInt: parsing " + GoQuote.quote(value) + ": value out of range");
        }
        if (retries < 0) {
            throw DockerfileException.problem("--retries cannot be negative (" + retries + ")");
        }
        return (int) retries;
    }
}
