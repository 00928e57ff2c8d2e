#!/usr/bin/env python3
"""Write the claim robustness table of seeds/README.md from the output of Scripts/claim-robustness.sh.

Usage (from the package root):
    Scripts/claim-robustness.sh 200 > robustness.txt
    python3 Scripts/robustness-table.py robustness.txt [precise.txt]

With a second file (a graded sweep with more variants, e.g. `Scripts/claim-robustness.sh
--semantics multilinear,hill2 1000`, the CI sweep), the table gains one column per graded
semantics with that fraction: the same quantity with a smaller sampling error.

One row per claim of Tests/ImmunoSimTests/ClaimCatalog.swift: its expectation, and per semantics
the fraction of variants in which it holds and its nominal effect size (graded: weights, rates,
basal levels and thresholds jittered; stochastic: transition rates jittered and a new seed). The table sits between
`<!-- robustness:begin -->` and `<!-- robustness:end -->`.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CATALOG = ROOT / "Tests" / "ImmunoSimTests" / "ClaimCatalog.swift"
README = ROOT / "seeds" / "README.md"
BEGIN, END = "<!-- robustness:begin -->", "<!-- robustness:end -->"
SEMANTICS = ["multilinear", "hill2", "stochastic"]


def read(path):
    """(claim, semantics) -> (holding, variants, effect, nominal) from a sweep's output."""
    results = {}
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"robustness: (\S+) (\S+) (\d+)/(\d+) effect (\S+) nominal (holds|fails)", line)
        if m:
            cid, sem, held, total, effect, nominal = m.groups()
            results[(cid, sem)] = (int(held), int(total), effect, nominal)
    return results


def below_bar(held, total):
    """Whether a claim holds in fewer than 90 % of the variants."""
    return held * 10 < total * 9


def fraction(held, total):
    return f"{100 * held / total:.1f} %" + (" ✗" if below_bar(held, total) else "")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    claims = re.findall(r'Claim\(id: "([^"]+)", expectation: "([^"]+)"', CATALOG.read_text(encoding="utf-8"))
    results = read(sys.argv[1])
    precise = read(sys.argv[2]) if len(sys.argv) == 3 else {}
    extra = [s for s in SEMANTICS if any(k[1] == s for k in precise)]
    counts = sorted({t for (_, t, _, _) in precise.values()})
    label = f"{counts[0]}" if len(counts) == 1 else "more"
    rows = ["| claim | expectation | " + " | ".join(f"{s}: holds in | {s}: effect" for s in SEMANTICS)
            + "".join(f" | {s}: holds in ({label})" for s in extra) + " |",
            "|---|---|" + "---|---|" * len(SEMANTICS) + "---|" * len(extra)]
    for cid, expectation in claims:
        cells = []
        for sem in SEMANTICS:
            if (cid, sem) not in results:
                cells += ["—", "—"]
                continue
            held, total, effect, nominal = results[(cid, sem)]
            cells += [fraction(held, total), effect + ("" if nominal == "holds" else " (nominal fails)")]
        for sem in extra:
            cells.append(fraction(*precise[(cid, sem)][:2]) if (cid, sem) in precise else "—")
        rows.append(f"| {cid} | {expectation.replace('|', '/')} | " + " | ".join(cells) + " |")
    text = README.read_text(encoding="utf-8")
    start, stop = text.find(BEGIN), text.find(END)
    if start < 0 or stop < 0:
        sys.exit(f"{README}: markers not found")
    README.write_text(text[:start] + "\n".join([BEGIN, *rows, END]) + text[stop + len(END):], encoding="utf-8")
    below = sum(1 for (c, s), (h, t, _, _) in results.items() if below_bar(h, t))

    def small(effect):
        try:
            return float(effect) < 0.04
        except ValueError:
            return False
    weak = sorted(f"{c} {s}" for (c, s), (_, _, e, _) in results.items() if small(e))
    below_precise = sorted(f"{c} {s}" for (c, s), (h, t, _, _) in precise.items() if below_bar(h, t))
    if precise:
        print(f"below 90 % of {label} variants: {', '.join(below_precise) or 'none'}")
    print(f"wrote {len(claims)} rows; {len(results)} (claim, semantics) pairs; {below} below 90 %; "
          f"{len(weak)} with an effect under twice the tolerance (0.04): {', '.join(weak)}")


if __name__ == "__main__":
    main()
