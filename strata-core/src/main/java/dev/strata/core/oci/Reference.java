package dev.strata.core.oci;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference in Docker's grammar, normalised the way Docker does: {@code nginx} is
 * {@code docker.io/library/nginx}, {@code host:5000/ns/repo:tag} keeps its host, and a digest may follow
 * ({@code name@sha256:…}). The tag is absent when the user gave none; {@link #withDefaultTag()} adds {@code latest}.
 */
public record Reference(String domain, String path, String tag, Digest digest) {
    public static final String DEFAULT_DOMAIN = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final String LEGACY_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final int NAME_MAX = 255;

    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final Pattern PATH = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern ID_HEX = Pattern.compile("[a-f0-9]{64}");

    public Reference {
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new InvalidReferenceException("invalid tag format \"" + tag + "\"");
        }
    }

    /** Parses and normalises a reference as {@code docker pull} and {@code docker tag} do. */
    public static Reference parse(String text) {
        String input = text == null ? "" : text;
        if (input.isEmpty()) {
            throw new InvalidReferenceException("invalid reference format: empty name");
        }
        String rest = input;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (InvalidDigestException e) {
                throw invalid(input, "invalid digest");
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int lastColon = rest.lastIndexOf(':');
        if (lastColon > rest.lastIndexOf('/')) {
            tag = rest.substring(lastColon + 1);
            rest = rest.substring(0, lastColon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(input, null);
            }
        }
        String domain;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        if (slash < 0 || (!first.contains(".") && !first.contains(":") && !first.equals("localhost")
                && first.toLowerCase(java.util.Locale.ROOT).equals(first))) {
            domain = DEFAULT_DOMAIN;
            path = rest;
        } else {
            domain = first;
            path = rest.substring(slash + 1);
        }
        if (domain.equals(LEGACY_DOMAIN)) {
            domain = DEFAULT_DOMAIN;
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw invalid(input, null);
        }
        if (!PATH.matcher(path).matches()) {
            if (PATH.matcher(path.toLowerCase(java.util.Locale.ROOT)).matches()) {
                throw invalid(input, "repository name (" + path + ") must be lowercase");
            }
            throw invalid(input, null);
        }
        if (domain.equals(DEFAULT_DOMAIN) && !path.contains("/")) {
            path = OFFICIAL_PREFIX + path;
        }
        if (ID_HEX.matcher(rest).matches()) {
            throw new InvalidReferenceException("invalid repository name (" + rest
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        if (domain.length() + 1 + path.length() > NAME_MAX) {
            throw invalid(input, "repository name must not be more than " + NAME_MAX + " characters");
        }
        return new Reference(domain, path, tag, digest);
    }

    /** Parses a reference, or returns empty if the text is not one. */
    public static Optional<Reference> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    private static InvalidReferenceException invalid(String input, String detail) {
        return new InvalidReferenceException("invalid reference format" + (detail == null ? "" : ": " + detail)
                + " in \"" + input + "\"");
    }

    /** The repository name with its domain: {@code docker.io/library/nginx}. */
    public String name() {
        return domain + "/" + path;
    }

    /** The repository name as Docker shows it: {@code nginx}, {@code user/app}, {@code host:5000/app}. */
    public String familiarName() {
        if (domain.equals(DEFAULT_DOMAIN)) {
            return path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0
                    ? path.substring(OFFICIAL_PREFIX.length()) : path;
        }
        return name();
    }

    public Reference withTag(String newTag) {
        return new Reference(domain, path, newTag, null);
    }

    /** This reference with tag {@code latest} when it has neither tag nor digest. */
    public Reference withDefaultTag() {
        return tag == null && digest == null ? withTag(DEFAULT_TAG) : this;
    }

    public boolean isTagged() {
        return tag != null;
    }

    /** Docker's familiar form: {@code nginx:latest}, {@code host:5000/app@sha256:…}. */
    public String familiar() {
        return familiarName() + suffix();
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return name() + suffix();
    }
}
