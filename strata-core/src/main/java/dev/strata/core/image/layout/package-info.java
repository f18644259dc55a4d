/**
 * The OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/<alg>/<hex>}) as a directory medium,
 * and the pieces every layout-shaped medium shares: walking an index to image manifests, naming entries by their
 * annotations, and assembling checked images from local blob files.
 */
package dev.strata.core.image.layout;
