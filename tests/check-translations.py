#!/usr/bin/env python3
# Checks that the Chinese translation is complete: every source file with
# translatable strings is listed in po/POTFILES.in, and every string those
# files hold has a current, non-fuzzy translation in po/zh_CN.po.
#
# usage: check-translations.py SOURCE_ROOT
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
po_dir = os.path.join(root, "po")
failures = []

listed = []
with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)

for name in listed:
    if not os.path.exists(os.path.join(root, name)):
        failures.append(f"po/POTFILES.in lists {name}, which does not exist")

# C files that mark strings, and .ui files with translatable properties
marker_c = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')
marker_ui = re.compile(r'translatable="yes"')
for top in ("src", "ui"):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for file in files:
            path = os.path.join(dirpath, file)
            rel = os.path.relpath(path, root)
            if file.endswith(".c"):
                marker = marker_c
            elif file.endswith(".ui"):
                marker = marker_ui
            else:
                continue
            with open(path, encoding="utf-8") as f:
                if marker.search(f.read()) and rel not in listed:
                    failures.append(f"{rel} has translatable strings but is not in po/POTFILES.in")

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "firegrid.pot")
    subprocess.run(
        ["xgettext", "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
         "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
         "--keyword=ngettext:1,2", "--directory", root, "--files-from",
         os.path.join(po_dir, "POTFILES.in"), "--output", pot],
        check=True)
    merged = os.path.join(tmp, "zh_CN.po")
    subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged,
                    os.path.join(po_dir, "zh_CN.po"), pot], check=True)
    stats = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file", os.devnull, merged],
                           capture_output=True, text=True)
    if stats.returncode != 0:
        failures.append("msgfmt --check fails on po/zh_CN.po:\n" + stats.stderr)
    summary = stats.stderr.strip().splitlines()[-1] if stats.stderr.strip() else ""
    print("po/zh_CN.po:", summary)
    if "untranslated" in summary or "fuzzy" in summary:
        failures.append("po/zh_CN.po is not complete: " + summary +
                        " (run: meson compile -C _build firegrid-update-po, then translate)")
    # a translation that ends with a full stop where the original has none,
    # or keeps a format directive out of step, is caught by msgfmt --check

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
