/**
 * Docker's save/load archives: {@link dev.strata.core.image.dockerarchive.DockerArchiveWriter} writes the tar that
 * Docker 25+ {@code docker save} writes (an OCI layout plus Docker's {@code manifest.json} and {@code repositories}),
 * and {@link dev.strata.core.image.dockerarchive.DockerArchiveReader} reads, in one pass over a stream, that shape,
 * the older Docker shape and plain OCI archives, staging blobs into the content store until
 * {@link dev.strata.core.image.dockerarchive.LoadedArchive#publish()}.
 */
package dev.strata.core.image.dockerarchive;
