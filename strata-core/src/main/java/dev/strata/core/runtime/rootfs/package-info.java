/**
 * Copies into and out of a container's root file system: {@code docker cp}, the Engine API's archive endpoints
 * and {@code docker export}, through {@link dev.strata.core.runtime.rootfs.ContainerArchive}.
 *
 * <p>Every container path is resolved inside the root as the container itself would resolve it
 * ({@code openat2} with {@code RESOLVE_IN_ROOT}, see {@link dev.strata.core.sys.PathHandle}), and every file is
 * then reached by name in a directory held open, without following a symbolic link: a container cannot lead a
 * copy to the host, whatever links it holds or makes while the copy runs. The rules of {@code docker cp} (what
 * a trailing {@code /} or {@code /.} means, copying into or as a destination) are applied here, so callers pass
 * the paths as the user typed them.
 */
package dev.strata.core.runtime.rootfs;
