#!/usr/bin/env python3
"""builtin:tme's asynchronous attractors and fixed points under AEON, next to ours (issue 14).

Usage: Scripts/peers/aeon_builtin.py [--immunosim BINARY]

Ours runs on the multi-valued model itself (`immunosim fixedpoints|attractors builtin:tme`, which
codes the levels internally); AEON (biodivine-aeon) runs on the bnet file that
`immunosim convert builtin:tme --to bnet --levels thermometer` writes (TAT, TAT_b2, ..., one
Boolean variable per level). The coding is exact for asynchronous dynamics, so the counts must be
equal: a difference means either our multi-valued analysis or the writer is wrong.

Compared: the number of fixed points of the whole model (every input free), and the number of
asynchronous attractors with the inputs held (`--knockout` on our side, the input's variables
written as constants for AEON) except the ones an arm leaves free. Exit 1 on any difference;
exit 0 with a note when biodivine-aeon is absent. Not part of `swift test`.
"""
import argparse, json, os, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--immunosim", default=os.path.join(root, ".build/release/immunosim"))
args = parser.parse_args()

try:
    import biodivine_aeon as aeon
except ImportError:
    print("biodivine-aeon is not installed (pip install biodivine-aeon); skipping")
    sys.exit(0)

# Arms: the inputs left free (every other input held at 0).
ARMS = {
    "every input held off": [],
    "anti-PD-1 free": ["ANTI_PD1"],
    "TAT free (levels 0-5)": ["TAT"],
    "TAT, anti-PD-1, anti-TIM-3, IL-21 free": ["TAT", "ANTI_PD1", "ANTI_TIM3", "IL21_THERAPY"],
    "EBRT and MMR deficiency free": ["EBRT", "MMR_DEFICIENCY"],
}


def immunosim(*arguments):
    run = subprocess.run([args.immunosim, *arguments], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"immunosim {' '.join(arguments)} failed: {run.stderr.strip()}")
    return run.stdout


def main():
    if not os.path.exists(args.immunosim):
        sys.exit(f"no binary at {args.immunosim}: swift build -c release --product immunosim")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "tme.bnet")
        immunosim("convert", "builtin:tme", "--to", "bnet", "--levels", "thermometer", "-o", path)
        lines = open(path).read().splitlines()[1:]
    rules = dict(line.split(", ", 1) for line in lines)
    # A multi-valued node's variables: X, X_b2, ...; an input's read only each other.
    variables = {}
    for name in rules:
        m = re.match(r"(.*)_b(\d+)$", name)
        if m and m.group(1) in rules:
            variables.setdefault(m.group(1), [m.group(1)]).append(name)
    names = re.compile(r"\b[A-Za-z_]\w*\b")
    inputs = [n for n, r in rules.items() if r == n and n not in variables]
    inputs += [x for x, vs in variables.items() if all(set(names.findall(rules[v])) <= set(vs) for v in vs)]
    print(f"builtin:tme as {len(rules)} Boolean variables; inputs: {', '.join(inputs)}\n")

    failures = 0
    ours = json.loads(immunosim("fixedpoints", "builtin:tme", "--count", "--json"))["count"]
    theirs = aeon.FixedPoints.symbolic(aeon.AsynchronousGraph(aeon.BooleanNetwork.from_bnet("\n".join(lines), repair_graph=True))).cardinality()
    failures += ours != theirs
    print(f"{'fixed points, every input free':48} ours {ours:>9}  AEON {theirs:>9}  {'same' if ours == theirs else 'DIFFER'}")
    for arm, free in ARMS.items():
        held = [n for n in inputs if n not in free]
        knockouts = sum((["--knockout", n] for n in held), [])
        ours = json.loads(immunosim("attractors", "builtin:tme", "--update", "async", "--exhaustive", "--count", "--json", *knockouts))["count"]
        text = [f"{n}, {'0' if any(n in variables.get(h, [h]) for h in held) else r}" for n, r in rules.items()]
        network = aeon.BooleanNetwork.from_bnet("\n".join(text), repair_graph=True)
        theirs = len(aeon.Attractors.attractors(aeon.AsynchronousGraph(network)))
        failures += ours != theirs
        print(f"{'attractors, ' + arm:48} ours {ours:>9}  AEON {theirs:>9}  {'same' if ours == theirs else 'DIFFER'}")
    sys.exit(1 if failures else 0)


main()
