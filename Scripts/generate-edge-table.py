#!/usr/bin/env python3
"""Regenerate the per-edge parameter table of Guides/CatalogModel.md from the Swift catalog.

Usage (from the package root):
    python3 Scripts/generate-edge-table.py          # rewrite the table in the guide
    python3 Scripts/generate-edge-table.py --check  # exit 1 if the guide is out of date

Reads Sources/ImmunoGraph/Catalog/TumourMicroenvironmentEdges.swift: every `Edge(...)` with a
weight, delay or threshold other than the defaults (1, 0, none) becomes a row; the reason is the
`//` comment right above the edge (MARK lines excluded). Named constants (`static let x = 0.5`)
are resolved. The table sits between the markers `<!-- edge-table:begin -->` and `<!-- edge-table:end -->`.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "Sources" / "ImmunoGraph" / "Catalog" / "TumourMicroenvironmentEdges.swift"
GUIDE = ROOT / "Guides" / "CatalogModel.md"
BEGIN, END = "<!-- edge-table:begin -->", "<!-- edge-table:end -->"
EDGE = re.compile(r'Edge\("(\w+)",\s*\.(activates|inhibits),\s*"(\w+)"')


def parameter(text, name, constants):
    match = re.search(name + r":\s*([\w.]+)", text)
    if not match:
        return None
    value = match.group(1)
    return constants.get(value, value)


def rows():
    lines = SOURCE.read_text().splitlines()
    constants = dict(re.findall(r"static let (\w+) = ([\d.]+)", SOURCE.read_text()))
    result, comment, i = [], [], 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("//"):
            comment = [] if "MARK" in line else comment + [line.lstrip("/ ").strip()]
            i += 1
            continue
        if not line.startswith("Edge("):
            comment = []
            i += 1
            continue
        text = line
        while text.count("(") > text.count(")") and i + 1 < len(lines):
            i += 1
            text += " " + lines[i].strip()
        i += 1
        source, sign, target = EDGE.search(text).groups()
        weight = parameter(text, "weight", constants)
        delay = parameter(text, "delay", constants)
        threshold = parameter(text, "threshold", constants)
        hill = parameter(text, "hill", constants)
        values = []
        if weight is not None and float(weight) != 1:
            values.append(f"weight {weight}")
        if delay is not None and int(float(delay)) != 0:
            values.append(f"delay {delay}")
        if threshold is not None:
            values.append(f"threshold {threshold}")
        if hill is not None:
            values.append(f"Hill {hill}")
        if values:
            arrow = "→" if sign == "activates" else "⊣"
            reason = " ".join(comment).replace("|", "\\|")
            result.append(f"| `{source} {arrow} {target}` | {', '.join(values)} | {reason} |")
        comment = []
    return result


def table():
    header = ["| edge | value | reason (comment in the Swift table) |", "|---|---|---|"]
    return "\n".join([BEGIN, *header, *rows(), END])


def main():
    guide = GUIDE.read_text()
    start, stop = guide.find(BEGIN), guide.find(END)
    if start < 0 or stop < 0:
        sys.exit(f"{GUIDE}: markers {BEGIN} / {END} not found")
    updated = guide[:start] + table() + guide[stop + len(END):]
    if "--check" in sys.argv:
        if updated != guide:
            sys.exit(f"{GUIDE.relative_to(ROOT)} is out of date: run python3 Scripts/generate-edge-table.py")
        return
    GUIDE.write_text(updated)


if __name__ == "__main__":
    main()
