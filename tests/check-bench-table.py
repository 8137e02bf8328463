#!/usr/bin/env python3
# check-bench-table.py — ./dev bench's table (bench/bench-table.py), printed
# from a summary file written by hand: every line of the county-scale goals is
# there, with the figures, ratios, growth and verdicts its rows work out.
#
# Copyright 2026 The Firegrid authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile

root = sys.argv[1]
script = os.path.join(root, "bench", "bench-table.py")
fixture = os.path.join(root, "tests", "bench", "summary.tsv")

# what each row begins with → cells expected in it (now, ratio, growth, met?)
expected = {
    "opening a database": ["6.6 / 22.0 ms at 30,000", "1.20×", "1.10× (3,000 → 30,000)", "yes"],
    "CLI command before its work: `region list`": ["+20 ms", "yes"],
    "CLI command before its work: `venue show ID`": ["+150 ms", "no"],
    "login window drawn": ["120 / 220 ms at 30,000", "1.60×", "no"],
    "window's first frame": ["1.10×", "yes"],
    "search 烧烤": ["4.0 / 9.0 ms at 30,000", "25.0× faster", "2.00× (3,000 → 30,000)", "yes"],
    "search 店": ["30.0× faster", "yes"],
    "search growth": ["2.00×; 2.00× (3,000 → 30,000 venues)", "yes"],
    "bundle import": ["20.00×", "no"],
    "import peak memory": ["84 MB at 10,000", "1.05× (1,000 → 10,000 venues)", "yes"],
    "`import --dry-run`": ["0.80×", "no"],
    "county ranking": ["40.0 / 90.0 ms at 20,000", "yes"],
    "database size a venue": ["3.20 KB at 30,000", "no"],
}


def table(path):
    out = subprocess.run([sys.executable, script, path], check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.startswith("| ") and not line.startswith(("| what", "| ---"))]


def row_for(rows, start):
    found = [r for r in rows if r.startswith("| " + start)]
    assert len(found) == 1, f"one row for “{start}”, found {len(found)}:\n" + "\n".join(rows)
    return found[0]


failures = 0
rows = table(fixture)
if len(rows) != len(expected):
    print(f"{len(rows)} rows, expected {len(expected)}:\n" + "\n".join(rows))
    failures += 1
for start, cells in expected.items():
    row = row_for(rows, start)
    for cell in cells:
        if cell not in row:
            print(f"“{start}”: “{cell}” missing from\n  {row}")
            failures += 1
    verdict = row.rstrip(" |").rsplit("| ", 1)[-1]
    if verdict != cells[-1]:
        print(f"“{start}”: met? is “{verdict}”, expected “{cells[-1]}”")
        failures += 1

# a figure not measured keeps its row, and says so
with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as partial:
    for line in open(fixture, encoding="utf-8"):
        if not line.startswith("window-open"):
            partial.write(line)
try:
    rows = table(partial.name)
    row = row_for(rows, "window's first frame")
    if "not measured" not in row or len(rows) != len(expected):
        print(f"a missing figure: {row}")
        failures += 1
finally:
    os.unlink(partial.name)

print("ok" if failures == 0 else f"{failures} failure(s)")
sys.exit(1 if failures else 0)
