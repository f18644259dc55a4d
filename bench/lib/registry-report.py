#!/usr/bin/env python3
"""Print bench/registry's tables, ratios and the PASS/FAIL of issue 5's targets.

Input: the TSV written by `record` in timing.sh (see report.py). Push and pull rows hold seconds
for the clients strata, docker, podman, skopeo; the rows named "serve: ..." hold requests/s (in
the median and min columns) for the servers distribution and strata.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import accessors, fmt_ratio, fmt_s, load, ratio, results_table, verdict  # noqa: E402

CLIENTS = ["strata", "docker", "podman", "skopeo"]
SERVERS = ["distribution", "strata"]
SERVE_TARGET = 2.0  # strata's server: at least this many times docker-registry's requests/s


def fmt_rps(v):
    return "n/a" if v is None else f"{v:,.0f}/s"


def serve_table(order, rows, value):
    """request | distribution | strata | strata/distribution, in requests/s, and the n/a notes."""
    headers = ["request (wrk -t2 -c16)"] + SERVERS + ["strata/distribution"]
    table, notes = [], []
    for op in order:
        cells = [op.removeprefix("serve: ")]
        for server in SERVERS:
            r = rows.get((op, server))
            if r is None:
                cells.append("-")
            elif r["status"] == "ok":
                cells.append(fmt_rps(value(op, server)))
            else:
                notes.append(f"[{len(notes) + 1}] {cells[0]} / {server}: {r['status']}")
                cells.append(f"n/a [{len(notes)}]")
        cells.append(fmt_ratio(ratio(value(op, "strata"), value(op, "distribution"))))
        table.append(cells)
    widths = [max(len(str(row[i])) for row in [headers] + table) for i in range(len(headers))]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    out = [line(headers), "  ".join("-" * w for w in widths)] + [line(row) for row in table]
    if notes:
        out += [""] + notes
    return out


def targets(clients, serve, value):
    out = []
    push = next((op for op in clients if op.startswith("push")), None)
    if push:
        s, sk = value(push, "strata"), value(push, "skopeo")
        ok = None if s is None or sk is None else s < sk
        out.append((verdict(ok), "push faster than skopeo's copy from the archive",
                    f"strata {fmt_s(s)} vs skopeo {fmt_s(sk)}"))
    pull = next((op for op in clients if op.startswith("pull")), None)
    if pull:
        s, d, sk = value(pull, "strata"), value(pull, "docker"), value(pull, "skopeo")
        ok = None if s is None or d is None else s < d
        out.append((verdict(ok), "pull (unpacked) faster than docker pull", f"strata {fmt_s(s)} vs docker {fmt_s(d)}"))
        ok = None if s is None or sk is None else s <= 2 * sk
        out.append((verdict(ok), "pull (unpacked) within 2x of skopeo's copy to dir: (not unpacked)",
                    f"strata {fmt_s(s)} vs 2 x skopeo = {fmt_s(2 * sk if sk else None)}"))
    for op in serve:
        s, d = value(op, "strata"), value(op, "distribution")
        ok = None if s is None or d is None else s >= SERVE_TARGET * d
        out.append((verdict(ok), f"{op.removeprefix('serve: ')}: requests/s >= {SERVE_TARGET:g}x docker-registry",
                    f"strata {fmt_rps(s)} vs {SERVE_TARGET:g} x {fmt_rps(d)} = {fmt_rps(SERVE_TARGET * d if d else None)}"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--stat", choices=["median", "min"], default="median")
    ap.add_argument("--header", action="append", default=[], help="'key: value' line to print")
    args = ap.parse_args()

    order, rows = load(args.results)
    clients = [op for op in order if not op.startswith("serve: ")]
    serve = [op for op in order if op.startswith("serve: ")]
    value, best_peer = accessors(rows, args.stat, peers=["docker", "podman", "skopeo"])

    out = list(args.header)
    if clients:
        out += ["", f"push and pull: wall time, {args.stat} of the runs (skopeo pull = copy to dir:, no unpacking)", ""]
        out += results_table(clients, rows, value, best_peer, first="operation", tools=CLIENTS, extra=[
            ("strata/best-peer", lambda op: fmt_ratio(ratio(value(op, "strata"), best_peer(op)[0]))),
            ("strata/skopeo", lambda op: fmt_ratio(ratio(value(op, "strata"), value(op, "skopeo"))))])
    if serve:
        out += ["", "serve: requests per second, one wrk run per figure (higher is better)", ""]
        out += serve_table(serve, rows, value)

    out += ["", "targets (issue 5):"]
    out += [f"  {v}  {text}: {detail}" for v, text, detail in targets(clients, serve, value)]

    out += ["", "all runs (seconds; serve: requests/s):"]
    for op in order:
        for tool in CLIENTS + ["distribution"]:
            r = rows.get((op, tool))
            if r and r["status"] == "ok":
                note = f"   ({r['note']})" if r["note"] else ""
                out.append(f"  {op} / {tool}: {r['times'].strip()}{note}")
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
