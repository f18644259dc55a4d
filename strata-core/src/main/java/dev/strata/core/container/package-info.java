/**
 * Containers as records on disk: what {@code create} decided ({@link dev.strata.core.container.ContainerRecord}),
 * what happened since ({@link dev.strata.core.container.ContainerState}), and the store that keeps both under
 * {@code ROOT/containers/<id>/} next to the container's writable layer, bundle and log.
 */
package dev.strata.core.container;
