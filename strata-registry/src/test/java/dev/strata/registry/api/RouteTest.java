package dev.strata.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Paths to endpoints, names with slashes and endpoint words included; byte ranges. */
class RouteTest {
    @Test
    void namesMayHoldSlashesAndEndpointWords() {
        assertThat(Route.parse("/v2/a/manifests/b/manifests/latest"))
                .isEqualTo(new Route(Route.Kind.MANIFEST, "a/manifests/b", "latest"));
        assertThat(Route.parse("/v2/x/y/blobs/sha256:ab")).isEqualTo(new Route(Route.Kind.BLOB, "x/y", "sha256:ab"));
        assertThat(Route.parse("/v2/x/blobs/uploads/")).isEqualTo(new Route(Route.Kind.UPLOADS, "x", null));
        assertThat(Route.parse("/v2/x/blobs/uploads/abc")).isEqualTo(new Route(Route.Kind.UPLOAD, "x", "abc"));
        assertThat(Route.parse("/v2/x/tags/list")).isEqualTo(new Route(Route.Kind.TAGS, "x", null));
        assertThat(Route.parse("/v2/x/referrers/sha256:ab").kind()).isEqualTo(Route.Kind.REFERRERS);
        assertThat(Route.parse("/v2/").kind()).isEqualTo(Route.Kind.BASE);
        assertThat(Route.parse("/v2/_catalog").kind()).isEqualTo(Route.Kind.CATALOG);
        assertThat(Route.parse("/v2/x/other/y").kind()).isEqualTo(Route.Kind.UNKNOWN);
    }

    @Test
    void byteRanges() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).hasValue(new ByteRange(0, 10));
        assertThat(ByteRange.parse("bytes=90-200", 100)).hasValue(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=-10", 100)).hasValue(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=100-", 100)).hasValue(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEqualTo(Optional.empty());
        assertThat(ByteRange.parse("items=0-1", 100)).isEqualTo(Optional.empty());
    }
}
