package dev.strata.core.store;

import dev.strata.core.StrataException;

/** A name or ID that matches no local image. */
public final class ImageNotFoundException extends StrataException {
    public ImageNotFoundException(String name) {
        super(Kind.NOT_FOUND, "No such image: " + name);
    }
}
