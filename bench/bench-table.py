#!/usr/bin/env python3
# bench-table.py — the table of ./dev bench, from the figures the benchmarks
# appended to a summary file (bench/bench-summary.h):
#
#   metric <TAB> size <TAB> unit <TAB> cpu <TAB> wall <TAB> baseline cpu <TAB> baseline wall
#
# One row for each county-scale goal, in the order bench/README.md lists them: the goal,
# the figure now at the largest size measured (CPU time, then wall), its
# baseline measured in the same run, their ratio, how the figure grew
# between the smallest and largest size, and whether the goal is met.
# A row whose figures are missing says so; none is ever left out.
#
# Copyright 2026 The Firegrid authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import sys

# metric, what, goal, baseline, rule
#   ("ratio", x): CPU over the baseline's at most x
#   ("beyond", x): CPU at most x ms more than the baseline's
#   ("search", ms, x): CPU at most ms, and the baseline at least x times as long
#   ("growth", x, metrics): CPU at the largest size at most x times that at the smallest
#   ("max", x): the value at most x
ROWS = [
    ("open", "opening a database (fg_store_open)", "≤ 2× the demo's",
     "the demo (300 venues)", ("ratio", 2.0)),
    ("cli-region-list", "CLI command before its work: `region list`",
     "≤ 50 ms CPU beyond the demo's (the login's hashing is in both)",
     "the demo (300 venues)", ("beyond", 50.0)),
    ("cli-venue-show", "CLI command before its work: `venue show ID`",
     "≤ 50 ms CPU beyond the demo's (the login's hashing is in both)",
     "the demo (300 venues)", ("beyond", 50.0)),
    ("window-login", "login window drawn (store opened) vs the demo's", "≤ 1.2×",
     "the demo (300 venues)", ("ratio", 1.2)),
    ("window-open", "window's first frame vs the demo's", "≤ 1.2×",
     "the demo (300 venues)", ("ratio", 1.2)),
    ("search-two", "search 烧烤 (2 characters), first screen",
     "≤ 20 ms and ≥ 20× faster than the scan",
     "`LIKE '%烧烤%'` over name, address, operator", ("search", 20.0, 20.0)),
    ("search-one", "search 店 (1 character), first screen",
     "≤ 20 ms and ≥ 20× faster than the scan",
     "`LIKE '%店%'` over name, address, operator", ("search", 20.0, 20.0)),
    ("search-growth", "search growth, first screen (烧烤; 店)", "≤ 3× for 10× the venues",
     "", ("growth", 3.0, ["search-two", "search-one"])),
    ("import", "bundle import vs `xmllint --stream`", "≤ 10× (CPU)",
     "`xmllint --stream --noout`", ("ratio", 10.0)),
    ("import-peak", "import peak memory, 1× → 10× bundle", "flat: 10× ≤ 1.1× of 1×",
     "the dry run's peak", ("growth", 1.1, ["import-peak"])),
    ("dry-run", "`import --dry-run` vs the import", "≤ half of the import",
     "the import", ("ratio", 0.5)),
    ("ranking", "county ranking (20 townships), this year", "< 100 ms CPU",
     "this year's inspections counted once", ("max", 100.0)),
    ("db-size", "database size a venue, all included", "≤ 1.5 KB a venue",
     "the demo's file (300 venues)", ("max", 1.5)),
]


def read_summary(path):
    """metric → {size: (unit, cpu, wall, base_cpu, base_wall)}; the last line wins."""
    figures = {}

    def number(text):
        return None if text == "-" else float(text)

    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 7 or fields[0].startswith("#"):
                continue
            metric, size, unit = fields[0], int(fields[1]), fields[2]
            figures.setdefault(metric, {})[size] = (unit, *map(number, fields[3:]))
    return figures


def amount(value, unit):
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
    return f"{value:,.2f}" if value < 10 else f"{value:,.0f}"


def pair(cpu, wall, unit):
    if cpu is None:
        return "—"
    if wall is None:
        return f"{amount(cpu, unit)} {unit}"
    return f"{amount(cpu, unit)} / {amount(wall, unit)} {unit}"


def growth_of(sizes):
    small, large = min(sizes), max(sizes)
    a, b = sizes[small][1], sizes[large][1]
    if small == large or a is None or b is None or a <= 0:
        return None, small, large
    return b / a, small, large


def row_cells(row, figures):
    metric, what, goal, baseline, rule = row
    kind = rule[0]

    if kind == "growth":
        parts, met = [], True
        for key in rule[2]:
            sizes = figures.get(key)
            if not sizes or len(sizes) < 2:
                return [what, goal, "not measured", "—", "—", "—", "not measured"]
            g, small, large = growth_of(sizes)
            if g is None:
                return [what, goal, "not measured", "—", "—", "—", "not measured"]
            parts.append(f"{g:.2f}×")
            met = met and g <= rule[1]
        span = f"({small:,} → {large:,} venues)"
        cells_now = "; ".join(
            pair(figures[k][large][1], figures[k][large][2], figures[k][large][0]) for k in rule[2])
        cells_small = "; ".join(
            pair(figures[k][small][1], figures[k][small][2], figures[k][small][0]) for k in rule[2])
        return [what, goal, f"{cells_now} at {large:,}", f"{cells_small} at {small:,}", "—",
                "; ".join(parts) + " " + span, "yes" if met else "no"]

    sizes = figures.get(metric)
    if not sizes:
        return [what, goal, "not measured", "—", "—", "—", "not measured"]
    large = max(sizes)
    unit, cpu, wall, base_cpu, base_wall = sizes[large]
    now = f"{pair(cpu, wall, unit)} at {large:,}"
    base = "—" if base_cpu is None else f"{pair(base_cpu, base_wall, unit)}: {baseline}"
    ratio = "—"
    if base_cpu is not None and base_cpu > 0 and cpu is not None:
        ratio = f"{cpu / base_cpu:.2f}×"
    g, small, _ = growth_of(sizes)
    growth = "one size only" if g is None else f"{g:.2f}× ({small:,} → {large:,})"

    if cpu is None:
        met = None
    elif kind == "ratio":
        met = None if base_cpu is None else cpu <= rule[1] * base_cpu
    elif kind == "beyond":
        met = None if base_cpu is None else cpu - base_cpu <= rule[1]
        if base_cpu is not None:
            ratio = f"{ratio}, {cpu - base_cpu:+,.0f} ms"
    elif kind == "search":
        met = None if base_cpu is None else cpu <= rule[1] and base_cpu >= rule[2] * cpu
        if base_cpu is not None and cpu > 0:
            ratio = f"{base_cpu / cpu:.1f}× faster"
    else:
        met = cpu <= rule[1]
    return [what, goal, now, base, ratio, growth,
            "not measured" if met is None else ("yes" if met else "no")]


def main():
    parser = argparse.ArgumentParser(description="Print ./dev bench's table from a summary file.")
    parser.add_argument("summary")
    parser.add_argument("--note", default=None, help="a line printed above the table")
    args = parser.parse_args()

    figures = read_summary(args.summary)
    if args.note:
        print(args.note)
        print()
    print("| what | goal | now: CPU / wall | baseline: CPU / wall | ratio (CPU) | growth (CPU) | met? |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
    for row in ROWS:
        cells = row_cells(row, figures)
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    known = {row[0] for row in ROWS} | {"cli-login"}
    unknown = sorted(set(figures) - known)
    if unknown:
        print(f"\n(figures of no row: {', '.join(unknown)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
