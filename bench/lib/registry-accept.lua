-- wrk script for bench/registry: every request asks for a single-image manifest as docker and OCI
-- clients do (a registry answers a manifest GET by what the Accept header allows; blob GETs ignore it).
wrk.headers["Accept"] = "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json"
