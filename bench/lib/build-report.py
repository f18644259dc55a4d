#!/usr/bin/env python3
"""Print the build results table, the cache behaviour, and the PASS/FAIL of issue 4's targets.

Input: the TSV written by `record` in timing.sh (see report.py), with the engines of bench/build
as tools and "steps from cache: 9/9, ..." as each figure's note; and the checks TSV of bench/build,
one line per strata run checked: tool, row (touched|edited), PASS|FAIL, detail.
Operations are recognised by their first word: cold, cached, touched, edited.
"""
import argparse
import sys

from report import accessors, fmt_ratio, fmt_s, load, ratio, results_table, verdict

ENGINES = ["strata", "classic", "buildkit", "podman", "buildah"]
PEERS = ENGINES[1:]
ISSUE = {  # the issue's figures on this machine, for reference
    "cold": "BuildKit ~5.1 s, classic ~8.2 s, podman ~11.7 s",
    "cached": "BuildKit ~0.24 s, others 2.6-4 s",
    "touched": "-",
    "edited": "BuildKit ~5.3 s, others 6-15 s",
}


def load_checks(path):
    checks = {}
    if path:
        with open(path) as f:
            for line in f:
                tool, row, verdict, detail = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
                checks.setdefault(row, []).append((verdict, detail))
    return checks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--checks", help="bench/build's checks TSV")
    ap.add_argument("--stat", choices=["median", "min"], default="median")
    ap.add_argument("--header", action="append", default=[], help="line to print first")
    args = ap.parse_args()

    order, rows = load(args.results)
    checks = load_checks(args.checks)

    value, best_peer = accessors(rows, args.stat, PEERS)

    out = list(args.header)
    out.append("")
    out.append(f"wall time, {args.stat} of the runs (warm page cache; `sync` before each run, untimed)")
    out.append("")
    def versus_fastest(op):
        peer, name = best_peer(op)
        r = ratio(value(op, "strata"), peer)
        return f"{fmt_ratio(r)} ({name})" if r is not None else "-"

    out.extend(results_table(order, rows, value, best_peer, first="build", tools=ENGINES,
                             extra=[("strata/fastest peer", versus_fastest)]))

    out.append("")
    out.append("steps taken from the cache per run (cached/steps, FROM not counted; BuildKit counts only")
    out.append("FROM, WORKDIR, RUN and COPY as steps):")
    for op in order:
        for tool in ENGINES:
            r = rows.get((op, tool))
            if r and r["note"].startswith("steps from cache: ") and r["note"] != "steps from cache: ":
                out.append(f"  {op.split()[0]:8} {tool:9} {r['note'].removeprefix('steps from cache: ')}")

    targets = []
    for op in order:
        kind = op.split()[0]
        s, (peer, name) = value(op, "strata"), best_peer(op)
        ok = None if s is None or peer is None else s < peer
        extra = " (JVM start included)" if kind == "cached" else ""
        targets.append((verdict(ok), f"{kind}: faster than the fastest peer{extra}",
                        f"strata {fmt_s(s)} vs {name or 'peer'} {fmt_s(peer)}; issue: {ISSUE.get(kind, '-')}"))
        if kind in ("touched", "edited"):
            runs = checks.get(kind, [])
            ok = None if not runs else all(v == "PASS" for v, _ in runs)
            text = ("touched: rebuilds nothing (every step from the cache, no RUN, same image ID)"
                    if kind == "touched" else "edited: rebuilds only from the COPY of the edited file's directory")
            detail = f"{sum(v == 'PASS' for v, _ in runs)}/{len(runs)} runs pass"
            fails = [d for v, d in runs if v != "PASS"]
            if fails:
                detail += "; " + fails[0]
            elif runs:
                detail += "; " + runs[-1][1]
            targets.append((verdict(ok), text, detail))
    out.append("")
    out.append("targets (issue 4: beat the fastest of docker classic, BuildKit, podman, buildah on each row):")
    for v, text, detail in targets:
        out.append(f"  {v}  {text}: {detail}")

    out.extend(["", "all runs (seconds):"])
    for op in order:
        for tool in ENGINES:
            r = rows.get((op, tool))
            if r and r["status"] == "ok":
                out.append(f"  {op} / {tool}: {r['times'].strip()}")
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
