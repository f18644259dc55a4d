package dev.strata.core.build.dockerfile;

import dev.strata.core.GoQuote;
import dev.strata.core.build.dockerfile.FlagSet.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a raw instruction's arguments and flags and builds the typed {@link Instruction}, with Docker's messages
 * for what is wrong ({@code FROM requires either one or three arguments}, {@code ENV names can not be blank}...).
 */
final class InstructionParser {
    private static final List<String> KEYWORDS = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9\\-_.]*");
    private static final Pattern ONBUILD_PREFIX = Pattern.compile("(?i)^[\\t\\n\\f\\r ]*ONBUILD[\\t\\n\\f\\r ]*");

    private final String fileName;

    InstructionParser(String fileName) {
        this.fileName = fileName;
    }

    Instruction parse(RawInstruction raw) {
        try {
            return build(raw);
        } catch (DockerfileException e) {
            throw e.withLocation(fileName, raw.startLine());
        }
    }

    private Instruction build(RawInstruction raw) {
        Origin origin = new Origin(fileName, raw.keyword(), GoText.trimSpace(raw.original()), raw.startLine(),
                raw.endLine(), raw.flags());
        List<String> args = raw.args();
        FlagSet flags = new FlagSet(raw.flags());
        return switch (raw.command()) {
            case "env" -> {
                flags.parse();
                yield new Env(origin, pairs(args, "ENV"));
            }
            case "maintainer" -> new Maintainer(origin, exactlyOne(args, "MAINTAINER", flags));
            case "label" -> {
                flags.parse();
                yield new Label(origin, pairs(args, "LABEL"));
            }
            case "add", "copy" -> CopyParser.parse(raw, origin, flags);
            case "from" -> from(origin, args, flags);
            case "onbuild" -> onbuild(raw, origin, flags);
            case "workdir" -> new Workdir(origin, exactlyOne(args, "WORKDIR", flags));
            case "run" -> run(raw, origin, flags);
            case "cmd" -> {
                flags.parse();
                yield new Cmd(origin, command(raw));
            }
            case "entrypoint" -> {
                flags.parse();
                yield new Entrypoint(origin, command(raw));
            }
            case "healthcheck" -> HealthcheckParser.parse(raw, origin, flags);
            case "expose" -> {
                atLeastOne(args, "EXPOSE");
                flags.parse();
                yield new Expose(origin, args);
            }
            case "user" -> new User(origin, exactlyOne(args, "USER", flags));
            case "volume" -> volume(origin, args, flags);
            case "stopsignal" -> {
                if (args.size() != 1) {
                    throw DockerfileException.problem("STOPSIGNAL requires exactly one argument");
                }
                yield new Stopsignal(origin, args.get(0));
            }
            case "arg" -> arg(origin, args);
            case "shell" -> {
                flags.parse();
                if (args.isEmpty()) {
                    throw DockerfileException.problem("SHELL requires at least one argument");
                }
                if (!raw.json()) {
                    throw DockerfileException.problem("SHELL requires the arguments to be in JSON form");
                }
                yield new Shell(origin, args);
            }
            default -> throw DockerfileException.problem(
                    Suggestions.withHint("unknown instruction: " + raw.keyword(), raw.keyword(), KEYWORDS, false));
        };
    }

    static void atLeastOne(List<String> args, String keyword) {
        if (args.isEmpty()) {
            throw DockerfileException.problem(keyword + " requires at least one argument");
        }
    }

    private static String exactlyOne(List<String> args, String keyword, FlagSet flags) {
        if (args.size() != 1) {
            throw DockerfileException.problem(keyword + " requires exactly one argument");
        }
        flags.parse();
        return args.get(0);
    }

    private static List<KeyValue> pairs(List<String> args, String keyword) {
        atLeastOne(args, keyword);
        if (args.size() % 3 != 0) {
            throw DockerfileException.problem("Bad input to " + keyword + ", too many arguments");
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 3) {
            if (args.get(i).isEmpty()) {
                throw DockerfileException.problem(keyword + " names can not be blank");
            }
            pairs.add(new KeyValue(args.get(i), args.get(i + 1), args.get(i + 2).isEmpty()));
        }
        return pairs;
    }

    private static From from(Origin origin, List<String> args, FlagSet flags) {
        Optional<String> stageName = Optional.empty();
        if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
            String name = args.get(2).toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(name).matches()) {
                throw DockerfileException.problem("invalid name for build stage: " + GoQuote.quote(args.get(2))
                        + ", name can't start with a number or contain symbols");
            }
            stageName = Optional.of(name);
        } else if (args.size() != 1) {
            throw DockerfileException.problem("FROM requires either one or three arguments");
        }
        flags.define("platform", Type.STRING).parse();
        return new From(origin, args.get(0), stageName, flags.string("platform"));
    }

    private Onbuild onbuild(RawInstruction raw, Origin origin, FlagSet flags) {
        atLeastOne(raw.args(), "ONBUILD");
        flags.parse();
        String trigger = raw.args().get(0).strip().toUpperCase(Locale.ROOT);
        switch (trigger) {
            case "ONBUILD" -> throw DockerfileException.problem("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "MAINTAINER", "FROM" -> throw DockerfileException.problem(trigger + " isn't allowed as an ONBUILD trigger");
            default -> { }
        }
        StringBuilder expression = new StringBuilder(ONBUILD_PREFIX.matcher(raw.original()).replaceAll(""));
        for (Heredoc doc : raw.heredocs()) {
            expression.append('\n').append(doc.content()).append(doc.name());
        }
        RawInstruction inner = raw.trigger();
        RawInstruction placed = new RawInstruction(inner.keyword(), inner.flags(), inner.args(), inner.json(), null,
                inner.original(), raw.heredocs(), raw.startLine(), raw.endLine());
        return new Onbuild(origin, build(placed), expression.toString());
    }

    private static Run run(RawInstruction raw, Origin origin, FlagSet flags) {
        flags.define("mount", Type.STRINGS).define("network", Type.STRING).define("security", Type.STRING)
                .define("device", Type.STRINGS).parse();
        String network = flags.string("network", "default");
        if (!List.of("default", "none", "host").contains(network)) {
            throw DockerfileException.problem("invalid network mode " + GoQuote.quote(network));
        }
        String security = flags.string("security", "sandbox");
        if (!List.of("sandbox", "insecure").contains(security)) {
            throw DockerfileException.problem("security " + GoQuote.quote(security) + " is not valid");
        }
        return new Run(origin, command(raw), raw.heredocs(), flags.strings("mount"), network, security,
                flags.strings("device"));
    }

    /** Exec form for a JSON array, else shell form: the arguments as one string. */
    static Command command(RawInstruction raw) {
        return command(raw.args(), raw.json());
    }

    static Command command(List<String> args, boolean json) {
        return json ? new Command.ExecForm(args) : new Command.ShellForm(String.join(" ", args));
    }

    private static Volume volume(Origin origin, List<String> args, FlagSet flags) {
        atLeastOne(args, "VOLUME");
        flags.parse();
        List<String> paths = new ArrayList<>();
        for (String arg : args) {
            String path = GoText.trimSpace(arg);
            if (path.isEmpty()) {
                throw DockerfileException.problem("VOLUME specified can not be an empty string");
            }
            paths.add(path);
        }
        return new Volume(origin, paths);
    }

    private static Arg arg(Origin origin, List<String> args) {
        atLeastOne(args, "ARG");
        List<ArgDefinition> definitions = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq == 0) {
                throw DockerfileException.problem("ARG names can not be blank");
            }
            definitions.add(eq < 0 ? new ArgDefinition(arg, Optional.empty())
                    : new ArgDefinition(arg.substring(0, eq), Optional.of(arg.substring(eq + 1))));
        }
        return new Arg(origin, definitions);
    }
}
