/**
 * The registry client: the OCI distribution protocol as Docker speaks it. A registry is one more medium of images
 * ({@link dev.strata.core.distribution.Puller} reads one into the store, {@link dev.strata.core.distribution.Pusher}
 * writes one from it); authentication follows the registry's {@code WWW-Authenticate} challenge (Basic, or Bearer
 * tokens from its token service), and credentials come from Docker's {@code config.json} and credential helpers, so
 * existing Docker logins work.
 *
 * <p>Lower layers: {@link dev.strata.core.distribution.Challenge} and {@link dev.strata.core.distribution.Scope}
 * (protocol strings), {@link dev.strata.core.distribution.RegistryHttp} (HTTP with retries and auth),
 * {@link dev.strata.core.distribution.RemoteRepository} (one class per group of endpoints).
 */
package dev.strata.core.distribution;
