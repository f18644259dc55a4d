#!/usr/bin/env python3
"""Write the deterministic build context of bench/build: small files, one big file, a Dockerfile.

The context directory gets:
  files/dNN/fNNNNN.txt   N small text-like files (64 B .. 4 KiB), 100 per directory
  big.bin                one large file of incompressible bytes
  Dockerfile             the ~10-step build every engine runs (FROM the given base image)

Contents are SHAKE-256 of (seed, name), hex-encoded for the small files (text, as source files
are) and raw for the big one; every mtime is fixed. Same options => same bytes, on every run
and Python version. The directory must not exist yet (no stale files from an earlier size).
"""
import argparse
import hashlib
import os
import random
import sys

MTIME = 1704067200  # 2024-01-01T00:00:00Z
FILES_PER_DIR = 100
SMALL_MIN, SMALL_MAX = 64, 4096
CHUNK = 1 << 20

DOCKERFILE = """\
FROM {base}
LABEL dev.strata.bench="build" dev.strata.bench.files="{files}"
ENV BENCH_HOME=/srv/bench BENCH_MODE=build
WORKDIR /srv/bench
RUN echo "built by bench/build" >built.txt && mkdir -p data
COPY big.bin data/big.bin
COPY files/ files/
RUN find files -type f | wc -l >files.count && cat files.count
EXPOSE 8080
CMD ["sh", "-c", "cat /srv/bench/files.count"]
"""


def parse_size(text):
    """'100M', '10M', '16K' or plain bytes -> bytes (binary multiples)."""
    text = text.strip().upper().removesuffix("B")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:], 1)
    return int(float(text[:-1] if mult != 1 else text) * mult)


def small_path(i):
    return os.path.join("files", f"d{i // FILES_PER_DIR:02d}", f"f{i:05d}.txt")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dir", help="context directory to create")
    p.add_argument("--files", type=int, default=5000, help="small files (default 5000)")
    p.add_argument("--big", default="100M", help="size of big.bin (default 100M)")
    p.add_argument("--base", required=True, help="the FROM image")
    p.add_argument("--seed", default="1")
    p.add_argument("--print-file", type=int, metavar="I",
                   help="only print the relative path of small file I (the one the harness edits)")
    args = p.parse_args()
    if args.print_file is not None:
        print(small_path(args.print_file))
        return 0
    if os.path.exists(args.dir):
        p.error(f"{args.dir} exists: the context must be generated into a new directory")

    rng = random.Random(f"strata-bench-context/{args.seed}")
    total = 0
    for i in range(args.files):
        path = os.path.join(args.dir, small_path(i))
        if i % FILES_PER_DIR == 0:
            os.makedirs(os.path.dirname(path))
        size = int(rng.uniform(SMALL_MIN, SMALL_MAX))
        data = hashlib.shake_256(f"{args.seed}/small/{i}".encode()).hexdigest(size // 2 + 1)[:size]
        lines = "\n".join(data[j:j + 64] for j in range(0, size, 64)) + "\n"
        with open(path, "w") as f:
            f.write(lines)
        total += len(lines)
        os.utime(path, (MTIME, MTIME))

    big = parse_size(args.big)
    with open(os.path.join(args.dir, "big.bin"), "wb") as f:
        for k in range(0, big, CHUNK):
            n = min(CHUNK, big - k)
            f.write(hashlib.shake_256(f"{args.seed}/big/{k // CHUNK}".encode()).digest(n))
    with open(os.path.join(args.dir, "Dockerfile"), "w") as f:
        f.write(DOCKERFILE.format(base=args.base, files=args.files))
    for root, dirs, names in os.walk(args.dir, topdown=False):
        for name in names + dirs:
            os.utime(os.path.join(root, name), (MTIME, MTIME))
    os.utime(args.dir, (MTIME, MTIME))
    print(f"context {args.dir}: {args.files} small files ({total / 1e6:.1f} MB) in "
          f"{-(-args.files // FILES_PER_DIR)} directories, big.bin {big / 1e6:.0f} MB, "
          f"Dockerfile of {DOCKERFILE.count(chr(10))} steps", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
