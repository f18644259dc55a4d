package dev.strata.registry.api;

import dev.strata.core.oci.Digest;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.storage.RegistryStore;

/** Request-side parsing shared by the endpoints. */
final class Digests {
    private Digests() {}

    /** A digest from the URL or a query parameter; DIGEST_INVALID (400) when malformed or of an unknown algorithm. */
    static Digest parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "a digest is required (ALGORITHM:HEX)");
        }
        return RegistryStore.parseDigest(text);
    }

    static RegistryException unsupported(Exchange ex) {
        return new RegistryException(ErrorCode.UNSUPPORTED, 405, "the method " + ex.method + " is not supported here");
    }

    /** The media type of a Content-Type header without its parameters, or null. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }
}
