#!/usr/bin/env python3
"""The programs built without -Dfuzzing hold no bundle reader that skips the
signature: the name of fg_bundle_import_unsigned() is in none of them (the
core is linked whole into each, with its symbols)."""
import sys

NAME = b"fg_bundle_import_unsigned"
# a name the same programs do hold, so that the check can tell it reads them
KNOWN = b"fg_bundle_import_checked"

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    if KNOWN not in data:
        print(f"{path}: holds no symbol names (stripped?); cannot tell", file=sys.stderr)
        sys.exit(77)
    if NAME in data:
        print(f"{path}: holds {NAME.decode()}, which reads a bundle without its signature", file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
