#!/usr/bin/env python3
"""Print the image-store results table, the ratios and the PASS/FAIL of the targets.

Input: the TSV written by `record` in timing.sh, one line per (operation, tool):
    op  tool  status  median  min  times  note
status is "ok" or "n/a (why)"; median/min are seconds or "-".
"""
import argparse
import sys

TOOLS = ["strata", "docker", "podman", "floor"]
PEERS = ["docker", "podman"]


def load(path):
    rows = {}
    order = []
    with open(path) as f:
        for line in f:
            op, tool, status, median, minimum, times, note = (line.rstrip("\n").split("\t") + [""])[:7]
            if op not in order:
                order.append(op)
            rows[(op, tool)] = {
                "status": status,
                "median": float(median) if median != "-" else None,
                "min": float(minimum) if minimum != "-" else None,
                "times": times,
                "note": note,
            }
    return order, rows


def fmt_s(v):
    if v is None:
        return "n/a"
    return f"{v:.3f} s" if v < 10 else f"{v:.2f} s"


def fmt_ratio(v):
    return "-" if v is None else f"{v:.2f}x"


def accessors(rows, stat, peers=None):
    """value(op, tool): the figure or None when it failed; best_peer(op): (fastest peer's figure, its name)."""
    peers = PEERS if peers is None else peers

    def value(op, tool):
        r = rows.get((op, tool))
        return r[stat] if r and r["status"] == "ok" else None

    def best_peer(op):
        vals = [(value(op, p), p) for p in peers if value(op, p) is not None]
        return min(vals) if vals else (None, None)

    return value, best_peer


def verdict(ok):
    return "n/a " if ok is None else ("PASS" if ok else "FAIL")


def results_table(order, rows, value, best_peer, first="operation", tools=None, extra=None):
    """The table (first | each tool | extra columns) and its n/a notes. The extra columns, (header,
    cell(op)) pairs, default to strata/best-peer and strata/floor."""
    tools = TOOLS if tools is None else tools
    if extra is None:
        extra = [("strata/best-peer", lambda op: fmt_ratio(ratio(value(op, "strata"), best_peer(op)[0]))),
                 ("strata/floor", lambda op: fmt_ratio(ratio(value(op, "strata"), value(op, "floor"))))]
    out = []
    headers = [first] + tools + [h for h, _ in extra]
    table = []
    notes = []
    for op in order:
        cells = [op]
        for tool in tools:
            r = rows.get((op, tool))
            if r is None:
                cells.append("-")
            elif r["status"] == "ok":
                cells.append(fmt_s(value(op, tool)))
            else:
                notes.append(f"[{len(notes) + 1}] {op} / {tool}: {r['status']}")
                cells.append(f"n/a [{len(notes)}]")
        cells.extend(cell(op) for _, cell in extra)
        table.append(cells)
    widths = [max(len(str(row[i])) for row in [headers] + table) for i in range(len(headers))]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    out.append(line(headers))
    out.append("  ".join("-" * w for w in widths))
    out.extend(line(row) for row in table)
    if notes:
        out.append("")
        out.extend(notes)
    return out


def all_runs(order, rows):
    """Every run's time, per operation and tool, with the figure's note."""
    out = ["", "all runs (seconds):"]
    for op in order:
        for tool in TOOLS:
            r = rows.get((op, tool))
            if r and r["status"] == "ok":
                extra = f"   ({r['note']})" if r["note"] else ""
                out.append(f"  {op} / {tool}: {r['times'].strip()}{extra}")
    return out


def ratio(a, b):
    return a / b if a is not None and b else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--stat", choices=["median", "min"], default="median")
    ap.add_argument("--header", action="append", default=[], help="'key: value' line to print")
    ap.add_argument("--floor-note", action="append", default=[], help="'op: definition' line")
    ap.add_argument("--images-tolerance", type=float, default=1.10,
                    help="strata images passes if <= podman images x this")
    args = ap.parse_args()

    order, rows = load(args.results)
    value, best_peer = accessors(rows, args.stat)

    out = list(args.header)
    out.append("")
    out.append(f"wall time, {args.stat} of the runs (warm page cache; `sync` before each run, untimed)")
    out.append("")
    out.extend(results_table(order, rows, value, best_peer))

    # ---- the targets of the issue
    def op_named(prefix):
        return next((op for op in order if op.startswith(prefix)), None)

    targets = []
    for kind in ("save", "load"):
        op = op_named(kind)
        if op is None:
            continue
        s, (peer, peer_name) = value(op, "strata"), best_peer(op)
        floor = value(op, "floor")
        if kind == "save":
            text = "save faster than the fastest peer"
        else:
            text = "load faster than both docker and podman"
        ok = None if s is None or peer is None else s < peer
        detail = f"strata {fmt_s(s)} vs {peer_name or 'peer'} {fmt_s(peer)}"
        targets.append((verdict(ok), text, detail))
        ok = None if s is None or floor is None else s <= 2 * floor
        targets.append((verdict(ok), f"{kind} within 2x of the floor",
                        f"strata {fmt_s(s)} vs 2 x floor = {fmt_s(2 * floor if floor else None)}"))
    op = op_named("images")
    if op is not None:
        s, pod = value(op, "strata"), value(op, "podman")
        ok = None if s is None or pod is None else s <= pod * args.images_tolerance
        targets.append((verdict(ok), "`strata images` (50 images) as fast as `podman images` (~0.1 s)",
                        f"strata {fmt_s(s)} vs podman {fmt_s(pod)} "
                        f"(pass: <= podman x {args.images_tolerance:.2f})"))
    out.append("")
    out.append("targets (issue 2):")
    for v, text, detail in targets:
        out.append(f"  {v}  {text}: {detail}")

    if args.floor_note:
        out.append("")
        out.append("floors (what no engine can beat by much on this machine):")
        out.extend(f"  {n}" for n in args.floor_note)

    out.extend(all_runs(order, rows))
    print("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
