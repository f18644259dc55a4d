package dev.strata.core.build.dockerfile;

import dev.strata.core.build.dockerfile.FlagSet.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the arguments and flags of ADD and COPY: sources, heredoc sources, destination. */
final class CopyParser {
    private CopyParser() {}

    static Instruction parse(RawInstruction raw, Origin origin, FlagSet flags) {
        boolean add = raw.command().equals("add");
        String keyword = add ? "ADD" : "COPY";
        List<String> args = raw.args();
        if (args.size() < 2) {
            throw DockerfileException.problem(keyword
                    + " requires at least two arguments, but only one was provided. Destination could not be determined");
        }
        flags.define("chown", Type.STRING).define("chmod", Type.STRING).define("link", Type.BOOL)
                .define("exclude", Type.STRINGS);
        if (add) {
            flags.define("keep-git-dir", Type.BOOL).define("checksum", Type.STRING).define("unpack", Type.BOOL);
        } else {
            flags.define("from", Type.STRING).define("parents", Type.BOOL);
        }
        flags.parse();
        String destination = args.get(args.size() - 1);
        if (SourceReader.parseHeredoc(destination) != null) {
            throw DockerfileException.problem(keyword + " cannot accept a heredoc as a destination");
        }
        Map<String, Heredoc> docs = new HashMap<>();
        raw.heredocs().forEach(d -> docs.put(d.name(), d));
        List<String> sources = new ArrayList<>();
        List<Heredoc> inline = new ArrayList<>();
        for (String source : args.subList(0, args.size() - 1)) {
            Heredoc header = SourceReader.parseHeredoc(source);
            if (header == null) {
                sources.add(source);
            } else {
                Heredoc body = docs.get(header.name());
                String content = body == null ? "" : body.content();
                inline.add(new Heredoc(header.name(), content, header.expand(), header.chomp(), header.fileDescriptor()));
            }
        }
        if (add) {
            return new Add(origin, sources, inline, destination, flags.string("chown"), flags.string("chmod"),
                    flags.bool("link"), flags.optionalBool("keep-git-dir"), flags.string("checksum"),
                    flags.optionalBool("unpack"), flags.strings("exclude"));
        }
        return new Copy(origin, sources, inline, destination, flags.string("from"), flags.string("chown"),
                flags.string("chmod"), flags.bool("link"), flags.bool("parents"), flags.strings("exclude"));
    }
}
