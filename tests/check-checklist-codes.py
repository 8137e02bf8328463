#!/usr/bin/env python3
# Checks that an item code means one thing in every checklist template: a
# code used by several templates (C-EXIT-01, C-GAS-03 …) has the same
# attributes and the same texts, findings, actions, bases and references in
# each, so that a venue of several categories is inspected against one item,
# and a notice says the same whichever template it came from. Also checks
# that every template serves a category of the category list and that every
# category has its template.
#
# usage: check-checklist-codes.py SOURCE_ROOT
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{urn:firegrid:checklist:1}"
root = sys.argv[1]
failures = []


def canonical(item):
    """The item as a comparable value: its attributes and its children in
    order, with their attributes and whitespace-trimmed text."""
    children = tuple(
        (child.tag, tuple(sorted(child.attrib.items())), (child.text or "").strip())
        for child in item
    )
    return (tuple(sorted(item.attrib.items())), children)


def describe(value):
    attributes, children = value
    lines = ["  attributes: %s" % dict(attributes)]
    lines += ["  %s %s %s" % (tag.replace(NS, ""), dict(attrs) or "", text) for tag, attrs, text in children]
    return "\n".join(lines)


by_code = {}
templates = sorted(glob.glob(os.path.join(root, "data", "checklists", "*.xml")))
categories_file = os.path.join(root, "data", "categories", "venue-categories.xml")
categories = {
    c.get("id")
    for c in ET.parse(categories_file).getroot().iter("{urn:firegrid:categories:1}category")
}
served = set()

for path in templates:
    checklist = ET.parse(path).getroot()
    name = os.path.basename(path)
    served.add(checklist.get("category"))
    if checklist.get("category") not in categories:
        failures.append(f"{name} serves the category {checklist.get('category')}, which is not in the category list")
    for item in checklist.iter(NS + "item"):
        by_code.setdefault(item.get("code"), []).append((name, canonical(item)))

for category in sorted(categories - served):
    failures.append(f"the category {category} has no checklist template")

shared = 0
for code, uses in sorted(by_code.items()):
    if len(uses) < 2:
        continue
    shared += 1
    first_name, first = uses[0]
    for name, value in uses[1:]:
        if value != first:
            failures.append(f"{code} differs between {first_name} and {name}:\n"
                            f"{first_name}:\n{describe(first)}\n{name}:\n{describe(value)}")

if shared == 0:
    failures.append("no code is shared between templates: the check found nothing to compare")

for failure in failures:
    print(failure)
print(f"{len(templates)} templates, {len(by_code)} codes, {shared} shared by several templates")
sys.exit(1 if failures else 0)
