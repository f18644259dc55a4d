package dev.strata.registry.api;

/**
 * Where a request path points in the distribution API. Repository names may contain slashes and even the words
 * {@code manifests} or {@code blobs}; the last segment(s) decide, since tags, digests and upload IDs hold none.
 *
 * @param kind the endpoint
 * @param name the repository name as sent (validated later), or null
 * @param argument the tag, digest or upload ID, or null
 */
record Route(Kind kind, String name, String argument) {
    enum Kind { BASE, CATALOG, MANIFEST, BLOB, UPLOADS, UPLOAD, TAGS, REFERRERS, SEARCH, HEALTH, GC, UNKNOWN }

    private static final Route BASE = new Route(Kind.BASE, null, null);
    private static final Route CATALOG = new Route(Kind.CATALOG, null, null);
    private static final Route SEARCH = new Route(Kind.SEARCH, null, null);
    private static final Route HEALTH = new Route(Kind.HEALTH, null, null);
    private static final Route GC = new Route(Kind.GC, null, null);
    private static final Route UNKNOWN = new Route(Kind.UNKNOWN, null, null);
    /** The administrative endpoint that runs a garbage collection. */
    static final String GC_PATH = "/strata/v1/gc";

    static Route parse(String path) {
        if (!path.startsWith("/v2/")) {
            return switch (path) {
                case "/v2" -> BASE;
                case "/v1/search" -> SEARCH;
                case "/healthz" -> HEALTH;
                case GC_PATH -> GC;
                default -> UNKNOWN;
            };
        }
        if (path.length() == 4) {
            return BASE;
        }
        String rest = path.substring(4);
        if (rest.equals("_catalog")) {
            return CATALOG;
        }
        if (rest.endsWith("/tags/list")) {
            return new Route(Kind.TAGS, rest.substring(0, rest.length() - "/tags/list".length()), null);
        }
        if (rest.endsWith("/blobs/uploads/") || rest.endsWith("/blobs/uploads")) {
            return new Route(Kind.UPLOADS, rest.substring(0, rest.lastIndexOf("/blobs/uploads")), null);
        }
        int slash = rest.lastIndexOf('/');
        if (slash <= 0) {
            return UNKNOWN;
        }
        String last = rest.substring(slash + 1);
        String before = rest.substring(0, slash);
        if (before.endsWith("/blobs/uploads")) {
            return new Route(Kind.UPLOAD, before.substring(0, before.length() - "/blobs/uploads".length()), last);
        }
        int previous = before.lastIndexOf('/');
        if (previous <= 0 || last.isEmpty()) {
            return UNKNOWN;
        }
        String name = before.substring(0, previous);
        return switch (before.substring(previous + 1)) {
            case "manifests" -> new Route(Kind.MANIFEST, name, last);
            case "blobs" -> new Route(Kind.BLOB, name, last);
            case "referrers" -> new Route(Kind.REFERRERS, name, last);
            default -> UNKNOWN;
        };
    }
}
