#!/usr/bin/env python3
"""Check that a file is a usable docker-archive (`docker save` output) of an expected image.

    check-archive.py ARCHIVE [--tag REPO:TAG] [--layers-out FILE]

Checks: manifest.json is there and names a config and layers that are in the archive; the
config's rootfs.diff_ids are the sha256 of the (uncompressed) layers, in order; the tag, if
given, is in RepoTags. It follows the paths in manifest.json, so both the legacy layout
(<id>/layer.tar, docker < 25, podman) and the OCI-style one (blobs/sha256/..., docker >= 25)
pass. A save that writes a fast but wrong file must not get a figure, hence this check.
With --layers-out, writes the layer paths (as in manifest.json) one per line.
Exit 0 and one summary line when valid; exit 1 and the reason otherwise.
"""
import argparse
import gzip
import hashlib
import json
import sys
import tarfile


def digest_of(fileobj):
    """sha256 of the uncompressed stream (layers may be gzip-compressed in some archives)."""
    head = fileobj.read(2)
    fileobj.seek(0)
    if head == b"\x1f\x8b":
        fileobj = gzip.GzipFile(fileobj=fileobj)
    h = hashlib.sha256()
    while chunk := fileobj.read(1 << 20):
        h.update(chunk)
    return "sha256:" + h.hexdigest()


def normal(ref):
    """podman writes short names fully qualified (localhost/bench/big:latest): same image."""
    for prefix in ("docker.io/library/", "docker.io/", "localhost/"):
        ref = ref.removeprefix(prefix)
    return ref


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("archive")
    ap.add_argument("--tag")
    ap.add_argument("--layers-out")
    args = ap.parse_args()
    try:
        with tarfile.open(args.archive, "r:") as tar:
            members = {m.name.removeprefix("./"): m for m in tar.getmembers()}

            def read(name):
                m = members.get(name)
                if m is None:
                    raise ValueError(f"{name} is not in the archive")
                return tar.extractfile(m)

            manifest = json.load(read("manifest.json"))
            if not isinstance(manifest, list) or not manifest:
                raise ValueError("manifest.json is not a non-empty list")
            entry = manifest[0]
            if args.tag and normal(args.tag) not in map(normal, entry.get("RepoTags") or []):
                raise ValueError(f"RepoTags {entry.get('RepoTags')} lacks {args.tag}")
            config = json.load(read(entry["Config"]))
            diff_ids = config["rootfs"]["diff_ids"]
            layers = entry["Layers"]
            if len(layers) != len(diff_ids):
                raise ValueError(f"{len(layers)} layers but {len(diff_ids)} diff_ids")
            for path, want in zip(layers, diff_ids):
                got = digest_of(read(path))
                if got != want:
                    raise ValueError(f"layer {path}: sha256 {got} != diff_id {want}")
    except (ValueError, KeyError, OSError, tarfile.TarError, json.JSONDecodeError) as e:
        print(f"invalid docker-archive {args.archive}: {e}", file=sys.stderr)
        return 1
    if args.layers_out:
        with open(args.layers_out, "w") as f:
            f.write("".join(p + "\n" for p in layers))
    print(f"valid docker-archive: {entry.get('RepoTags')}, {len(layers)} layers, diff_ids match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
