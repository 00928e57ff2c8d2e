#!/usr/bin/env python3
"""Regenerate the per-edge parameter table of Guides/CatalogModel.md from the built-in model.

Usage (from the package root):
    python3 Scripts/generate-edge-table.py          # rewrite the table in the guide
    python3 Scripts/generate-edge-table.py --check  # exit 1 if the guide is out of date or a reason is missing

Reads Sources/ImmunoGraph/Catalog/Models/tme.json: every edge with a weight, delay, threshold or
Hill exponent other than the defaults (1, 0, none, none) becomes a row. The reason column is
written by hand in the guide and kept when the table is regenerated (rows are matched by edge);
`--check` fails when the values in the guide differ from the model or a row has no reason.
The table sits between the markers `<!-- edge-table:begin -->` and `<!-- edge-table:end -->`.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "Sources" / "ImmunoGraph" / "Catalog" / "Models" / "tme.json"
GUIDE = ROOT / "Guides" / "CatalogModel.md"
BEGIN, END = "<!-- edge-table:begin -->", "<!-- edge-table:end -->"
HEADER = ["| edge | value | reason |", "|---|---|---|"]


def number(value):
    return f"{value:g}" if isinstance(value, float) else str(value)


def existing_reasons(guide):
    start, stop = guide.find(BEGIN), guide.find(END)
    reasons = {}
    for line in guide[start:stop].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) >= 3 and cells[0].startswith("`"):
            reasons[cells[0]] = " | ".join(cells[2:]).strip().rstrip("|").strip()
    return reasons


def rows(reasons):
    model = json.loads(SOURCE.read_text(encoding="utf-8"))
    result, missing = [], []
    for edge in model["edges"]:
        values = []
        if edge.get("weight", 1) != 1:
            values.append(f"weight {number(edge['weight'])}")
        if edge.get("delay", 0) != 0:
            values.append(f"delay {edge['delay']}")
        if "threshold" in edge:
            values.append(f"threshold {number(edge['threshold'])}")
        if "hill" in edge:
            values.append(f"Hill {edge['hill']}")
        if edge.get("modulator"):
            values.append("modulator")
        if not values:
            continue
        arrow = "→" if edge["sign"] == "activates" else "⊣"
        key = f"`{edge['source']} {arrow} {edge['target']}`"
        reason = reasons.get(key, "")
        if not reason:
            missing.append(key)
        result.append(f"| {key} | {', '.join(values)} | {reason} |")
    return result, missing


def main():
    guide = GUIDE.read_text(encoding="utf-8")
    start, stop = guide.find(BEGIN), guide.find(END)
    if start < 0 or stop < 0:
        sys.exit(f"{GUIDE}: markers {BEGIN} / {END} not found")
    table_rows, missing = rows(existing_reasons(guide))
    updated = guide[:start] + "\n".join([BEGIN, *HEADER, *table_rows, END]) + guide[stop + len(END):]
    if "--check" in sys.argv:
        if updated != guide:
            sys.exit(f"{GUIDE.relative_to(ROOT)} is out of date: run python3 Scripts/generate-edge-table.py")
        if missing:
            sys.exit(f"{GUIDE.relative_to(ROOT)}: no reason for {len(missing)} edge parameter(s): " + ", ".join(missing))
        print(f"edge table in sync ({len(table_rows)} rows, every one with a reason)")
        return
    GUIDE.write_text(updated, encoding="utf-8")
    print(f"wrote the edge table: {len(table_rows)} rows, {len(missing)} without a reason")


if __name__ == "__main__":
    main()
