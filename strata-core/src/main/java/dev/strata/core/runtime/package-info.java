/**
 * The low-level OCI runtime (runc) behind containers. A container's life, as the runtime spec draws it:
 * {@code create} (done by the monitor in {@link dev.strata.core.runtime.conmon}, which must hold the
 * container's stdio) leaves it {@code created}; {@link dev.strata.core.runtime.OciRuntime#start} makes it
 * {@code running}; it is {@code stopped} once its init process ends (by itself or by
 * {@link dev.strata.core.runtime.OciRuntime#kill}); {@link dev.strata.core.runtime.OciRuntime#delete} removes
 * what the runtime keeps of it. While running it can be paused and resumed, and more processes can be run in
 * it ({@link dev.strata.core.runtime.ExecRuntime}). Failures are {@link dev.strata.core.runtime.OciRuntimeException}s.
 */
package dev.strata.core.runtime;
