package dev.strata.core.container;

import dev.strata.core.StrataException;

/** A container name another container has, found when a new container is published or one is renamed. */
public final class NameTakenException extends StrataException {
    public NameTakenException(String name, String ownerId) {
        super(Kind.CONFLICT, "Conflict. The container name \"/" + name + "\" is already in use by container \"" + ownerId
                + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
}
