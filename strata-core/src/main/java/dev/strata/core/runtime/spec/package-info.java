/**
 * The OCI runtime bundle's {@code config.json}: what {@code docker run} would hand to runc, generated from the
 * image config and the run options.
 *
 * <p>{@link dev.strata.core.runtime.spec.RuntimeSpecGenerator} turns a
 * {@link dev.strata.core.runtime.spec.RuntimeSpecRequest} into the bytes of {@code config.json} (and a
 * {@code process} object for {@code runc exec --process}). Docker's defaults are the reference: its capability
 * set, its default mounts, masked and read-only paths, device rules and environment; the user is resolved from
 * the root filesystem's {@code /etc/passwd} and {@code /etc/group} with the rules of moby's user package
 * ({@link dev.strata.core.runtime.spec.UserResolver}).
 *
 * <p>Nothing here starts processes or mounts anything: the package only reads the root filesystem's user
 * database and the host's rlimits.
 */
package dev.strata.core.runtime.spec;
