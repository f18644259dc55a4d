#!/usr/bin/env python3
"""Print the containers results table, the commit scaling, and the PASS/FAIL of the targets.

Input: the TSV written by `record` in timing.sh (see report.py). Operations are recognised by
their prefix: "run " (the `run --rm` figure) and "commit " (one per image size, the small
image first).
"""
import argparse
import sys

from report import TOOLS, accessors, all_runs, fmt_ratio, fmt_s, load, ratio, results_table, verdict

# A commit whose cost follows the change costs about the same on both images; noise on a
# shared 2-core machine moves sub-second figures by a few tenths, hence the margin.
FOLLOWS_TOLERANCE = 1.5


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--stat", choices=["median", "min"], default="median")
    ap.add_argument("--header", action="append", default=[], help="line to print first")
    ap.add_argument("--floor-note", action="append", default=[], help="'op: definition' line")
    args = ap.parse_args()

    order, rows = load(args.results)

    value, best_peer = accessors(rows, args.stat)

    out = list(args.header)
    out.append("")
    out.append(f"wall time, {args.stat} of the runs (warm page cache; `sync` before each run, untimed)")
    out.append("")
    out.extend(results_table(order, rows, value, best_peer))

    commits = [op for op in order if op.startswith("commit ")]
    if len(commits) == 2:
        small, large = commits
        out.append("")
        out.append("commit: does the cost follow the change (1,000 files) or the image?")
        for tool in TOOLS:
            a, b = value(small, tool), value(large, tool)
            if a is None and b is None:
                continue
            out.append(f"  {tool:7} {fmt_s(a)} -> {fmt_s(b)}   larger/smaller image: {fmt_ratio(ratio(b, a))}")

    targets = []
    run = next((op for op in order if op.startswith("run ")), None)
    if run is not None:
        s, (peer, name) = value(run, "strata"), best_peer(run)
        ok = None if s is None or peer is None else s < peer
        targets.append((verdict(ok), "`run --rm --network none busybox true` faster than docker and podman",
                        f"strata {fmt_s(s)} vs {name or 'peer'} {fmt_s(peer)}"))
    for op in commits:
        s, (peer, name) = value(op, "strata"), best_peer(op)
        ok = None if s is None or peer is None else s < peer
        targets.append((verdict(ok), f"{op} faster than docker and podman",
                        f"strata {fmt_s(s)} vs {name or 'peer'} {fmt_s(peer)}"))
    if len(commits) == 2:
        a, b = value(commits[0], "strata"), value(commits[1], "strata")
        r = ratio(b, a)
        ok = None if r is None else r <= FOLLOWS_TOLERANCE
        targets.append((verdict(ok), "strata's commit cost follows the change, not the image",
                        f"larger/smaller image {fmt_ratio(r)} (pass: <= {FOLLOWS_TOLERANCE:.2f}x)"))
    out.append("")
    out.append("targets (issue 3):")
    for v, text, detail in targets:
        out.append(f"  {v}  {text}: {detail}")

    if args.floor_note:
        out.append("")
        out.append("floors (the plainest tools doing the same work):")
        out.extend(f"  {n}" for n in args.floor_note)

    out.extend(all_runs(order, rows))
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
