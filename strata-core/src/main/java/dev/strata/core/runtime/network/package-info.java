/**
 * Container networking: a container shares the host's network namespace ({@code host}), or gets one of its own,
 * created beforehand as a file that runc joins by path, with only loopback ({@code none}) or with slirp4netns
 * giving it user-mode NAT on a non-private {@link dev.strata.core.runtime.network.Subnet} and the host-side
 * forwards of its published ports ({@code slirp4netns}, the default, which Docker users call {@code bridge}).
 *
 * <p>Lifecycle, as the container code drives it: {@link dev.strata.core.runtime.network.NetworkNamespaces#create}
 * the namespace file, {@link dev.strata.core.runtime.network.Slirp4netns#start} slirp4netns on it and record its
 * PID, {@link dev.strata.core.runtime.network.Slirp4netns#forward} each
 * {@link dev.strata.core.runtime.network.PortMapping}, start the container with the namespace path; when the
 * container is stopped or removed, {@link dev.strata.core.runtime.network.Slirp4netns#stop} by PID, then
 * {@link dev.strata.core.runtime.network.NetworkNamespaces#remove} the file.
 */
package dev.strata.core.runtime.network;
