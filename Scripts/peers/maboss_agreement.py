#!/usr/bin/env python3
"""Sign agreement of our semantics with MaBoSS on published Boolean models (issue: faithful semantics).

Usage: Scripts/peers/maboss_agreement.py [--immunosim BINARY] [--bbm DIR] [--samples N] [--max-time T]
                                          [--targets K] [--max-nodes N] [--runs N]
                                          [--semantics graded,starts,minmax,sync,async]

For every model in ../shared/models/bbm with at most --max-nodes (64) nodes, K (8) seeded target nodes
are knocked out and over-expressed. MaBoSS (cmaboss, continuous-time asynchronous Boolean kinetics,
unit rates) runs every node from a random start (on with probability 0.5) for --samples trajectories
(10,000) up to --max-time (100), and reads each node's probability at the last tick; a readout counts
when MaBoSS moves it (|delta| > max(0.02, 4 standard errors)). Each of our semantics reads the same
(perturbation, readout) pair from the same random start with `immunosim respond`; the table gives per
engine and model the share of MaBoSS-moved pairs it moves the same way (agree), leaves unchanged
(insensitive, |delta| <= 0.02) or moves the other way (opposite). Inputs (X, X) are not readouts.
Two further tables: the same counts over pairs MaBoSS moves by more than 0.04 (so that no pair
straddles the 0.02 threshold, where sampling noise alone decides), and, when graded and async both
run, the graded one-run pairs split by whether the readout's asynchronous runs end in different
places (their spread is at least half the largest possible, sqrt(m (1 - m)): a basin-share effect,
which one deterministic mean-field run cannot show) or alike.

Then the 11-node checkpoint model of the tests (Tests/ImmunoSimTests/Fixtures/checkpoint_toy.bnet)
under PD1 blockade (PD-1's influence removed), MaBoSS next to our engines.

Skips cleanly (exit 0 with a note) when cmaboss is not installed. Not part of `swift test`.
"""
import argparse, json, math, os, random, re, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--immunosim", default=os.path.join(root, ".build/release/immunosim"))
parser.add_argument("--bbm", default=os.path.join(os.path.dirname(root), "shared/models/bbm"))
parser.add_argument("--samples", type=int, default=10000)
parser.add_argument("--max-time", type=float, default=100)
parser.add_argument("--targets", type=int, default=8)
parser.add_argument("--max-nodes", type=int, default=64)
parser.add_argument("--semantics", default="graded,starts,minmax,sync,async",
                    help="graded (one run from 0.5), starts (graded, mean of --runs random starts), minmax, sync, async, "
                         "stochastic (our MaBoSS-semantics engine, --samples trajectories)")
parser.add_argument("--runs", type=int, default=2000,
                    help="random starts / asynchronous runs of our ensembles (2,000: with 400 the basin shares are too noisy to judge pairs near the 0.02 threshold)")
parser.add_argument("--models", default="", help="comma-separated model folder prefixes (default: all)")
args = parser.parse_args()

try:
    import cmaboss
except ImportError:
    print("cmaboss is not installed (pip install cmaboss); skipping")
    sys.exit(0)
if not os.path.exists(args.immunosim) or not os.path.isdir(args.bbm):
    print(f"missing {args.immunosim} or {args.bbm}; skipping (build with: swift build -c release --product immunosim)")
    sys.exit(0)

SEMANTICS = {
    "graded": ["--steady-state", "--steps", "2000"],
    "starts": ["--steady-state", "--steps", "2000", "--random-starts", str(args.runs)],
    "minmax": ["--steady-state", "--steps", "2000", "--logic", "minmax"],
    "sync": ["--semantics", "logical", "--steps", "200", "--runs", str(args.runs)],
    "async": ["--semantics", "logical", "--update", "async", "--steps", "100", "--runs", str(args.runs)],
    "stochastic": ["--semantics", "stochastic", "--trajectories", str(args.samples), "--steps", str(int(args.max_time))],
}
chosen = [s for s in args.semantics.split(",") if s]
NAME = re.compile(r"[A-Za-z0-9_.]+")


def read_bnet(path):
    """(ordered node names, {name: rule text}); undeclared names become inputs."""
    rules, order = {}, []
    for line in open(path):
        line = line.split("#")[0].strip()
        if not line or "," not in line:
            continue
        target, rule = (part.strip() for part in line.split(",", 1))
        if target.lower() == "targets":
            continue
        rules[target] = rule
        order.append(target)
    for rule in list(rules.values()):
        for name in NAME.findall(rule):
            if name not in rules and not re.fullmatch(r"[01]|true|false", name):
                rules[name] = name
                order.append(name)
    return order, rules


def maboss_text(order, rules, fixed):
    """.bnd and .cfg texts with ids prefixed (MaBoSS ids must start with a letter)."""
    ident = {n: "n_" + re.sub(r"[^A-Za-z0-9_]", "_", n) for n in order}

    def translate(rule):
        rule = re.sub(r"\btrue\b", "1", rule, flags=re.I)
        rule = re.sub(r"\bfalse\b", "0", rule, flags=re.I)
        return NAME.sub(lambda m: ident.get(m.group(0), m.group(0)), rule)

    bnd, cfg = [], []
    for n in order:
        if n in fixed:
            bnd.append(f"Node {ident[n]} {{ logic = {ident[n]}; rate_up = 0.0; rate_down = 0.0; }}")
            cfg.append(f"[{ident[n]}].istate = 1 [{fixed[n]}];")
        else:
            bnd.append(f"Node {ident[n]} {{ logic = ({translate(rules[n])}); rate_up = @logic ? 1.0 : 0.0; rate_down = @logic ? 0.0 : 1.0; }}")
            cfg.append(f"[{ident[n]}].istate = 0.5 [1], 0.5 [0];")
    cfg += [f"sample_count = {args.samples};", f"max_time = {args.max_time};", "time_tick = 1;",
            "discrete_time = 0;", "use_physrandgen = 0;", "thread_count = 1;", "seed_pseudorandom = 1;"]
    return "\n".join(bnd) + "\n", "\n".join(cfg) + "\n", ident


def maboss(order, rules, fixed):
    bnd, cfg, ident = maboss_text(order, rules, fixed)
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "m.bnd"), "w").write(bnd)
        open(os.path.join(d, "m.cfg"), "w").write(cfg)
        result = cmaboss.MaBoSSSim(network=os.path.join(d, "m.bnd"), config=os.path.join(d, "m.cfg")).run()
        probs, _, names, _ = result.get_last_nodes_probtraj()
    back = {v: k for k, v in ident.items()}
    p = {back[name]: float(probs[0][k]) for k, name in enumerate(names)}
    return {n: p.get(n, 0.0) for n in order}


def ours(model, semantics, flag, target):
    """{readout: (delta, bimodality or None)}: for ensembles, the larger over the two arms of the
    run-to-run spread over its largest possible value sqrt(m (1 - m)) (about 1 when runs end on
    different sides, 0 when every run reads the same level)."""
    command = [args.immunosim, "respond", model, flag, target, "--initial", "*=0.5", "--json"] + SEMANTICS[semantics]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {run.stderr.strip()}")

    def bimodality(row):
        if row.get("baselineSpread") is None:
            return None
        ratios = []
        for level, spread in ((row["baseline"], row["baselineSpread"]), (row["treated"], row["treatedSpread"])):
            variance = level * (1 - level)
            ratios.append(0.0 if variance < 1e-4 else spread / math.sqrt(variance))
        return max(ratios)
    return {r["node"]: (r["delta"], bimodality(r)) for r in json.loads(run.stdout)["readouts"]}


models = []
for folder in sorted(os.listdir(args.bbm)):
    path = os.path.join(args.bbm, folder, "model.bnet")
    if not os.path.exists(path) or (args.models and not any(folder.startswith(m) for m in args.models.split(","))):
        continue
    order, rules = read_bnet(path)
    if len(order) <= args.max_nodes:
        models.append((folder, path, order, rules))

totals = {s: [0, 0, 0] for s in chosen}
# Pairs MaBoSS moves by more than twice our insensitivity threshold (no pair straddles it).
margin = {s: [0, 0, 0] for s in chosen}
# Graded one-run pairs split by whether the readout's asynchronous runs settle in different places
# (bimodality >= BASIN_SPREAD in either arm: a basin-share effect) or not.
BASIN_SPREAD = 0.5
basin = {True: [0, 0, 0], False: [0, 0, 0]}
header = f"{'model':44} {'pairs':>5} " + " ".join(f"{s + ' agree/insens/opp %':>26}" for s in chosen)
print(header)
print("-" * len(header))
started = time.time()
for folder, path, order, rules in models:
    inputs = {n for n in order if rules[n].strip() == n}
    rng = random.Random(f"targets:{folder}")
    candidates = [n for n in order if n not in inputs] or order
    targets = rng.sample(candidates, min(args.targets, len(candidates)))
    base = maboss(order, rules, {})
    counts = {s: [0, 0, 0] for s in chosen}
    pairs = 0
    for target in targets:
        for flag, value in (("--knockout", 0), ("--overexpress", 1)):
            perturbed = maboss(order, rules, {target: value})
            deltas = {s: ours(path, s, flag, target) for s in chosen}
            for n in order:
                if n in inputs or n == target:
                    continue
                d = perturbed[n] - base[n]
                se = math.sqrt(max(0.0, base[n] * (1 - base[n]) + perturbed[n] * (1 - perturbed[n])) / args.samples)
                if abs(d) <= max(0.02, 4 * se):
                    continue
                pairs += 1
                for s in chosen:
                    ds = deltas[s].get(n, (0.0, None))[0]
                    k = 1 if abs(ds) <= 0.02 else (0 if (ds > 0) == (d > 0) else 2)
                    counts[s][k] += 1
                    if abs(d) > 0.04:
                        margin[s][k] += 1
                    if s == "graded" and "async" in deltas:
                        spread = deltas["async"].get(n, (0.0, None))[1]
                        if spread is not None:
                            basin[spread >= BASIN_SPREAD][k] += 1
    for s in chosen:
        for k in range(3):
            totals[s][k] += counts[s][k]

    def cell(c):
        total = sum(c)
        return "-" if total == 0 else "/".join(f"{100 * x / total:.0f}" for x in c)
    print(f"{folder[:44]:44} {pairs:>5} " + " ".join(f"{cell(counts[s]):>26}" for s in chosen), flush=True)

print("-" * len(header))
all_pairs = sum(totals[chosen[0]]) if chosen else 0
print(f"{'all models':44} {all_pairs:>5} " + " ".join(
    f"{'/'.join(f'{100 * x / max(1, sum(totals[s])):.1f}' for x in totals[s]):>26}" for s in chosen))
print(f"({len(models)} models, {time.time() - started:.0f} s; agree/insensitive/opposite in % of MaBoSS-moved pairs)")


def share(c):
    return "/".join(f"{100 * x / max(1, sum(c)):.1f}" for x in c) + f" of {sum(c)}"


print("\nPairs MaBoSS moves by more than 0.04 (twice the insensitivity threshold, so none straddles it):")
for s in chosen:
    print(f"  {s:12} {share(margin[s])}")
if "graded" in chosen and "async" in chosen:
    print(f"\nGraded one run, split by the readout's asynchronous runs (spread of run averages >= {BASIN_SPREAD} sqrt(m(1-m))):")
    print(f"  runs settle alike (one basin)          {share(basin[False])}")
    print(f"  runs settle apart (basin-share effect) {share(basin[True])}")

# The checkpoint toy model of the tests: PD-1 blockade = PD1's influence removed (PD1SIG reads PD1 as 0).
toy = os.path.join(root, "Tests/ImmunoSimTests/Fixtures/checkpoint_toy.bnet")
order, rules = read_bnet(toy)
rules_blocked = dict(rules, PD1SIG="0")
readouts = ["TCELL", "TIM3", "PDL1", "TUMOR"]
fixed = {"ANTIGEN": 1}
print("\ncheckpoint toy model, anti-PD-1 (block PD1), ANTIGEN on, others random:")
b, t = maboss(order, rules, fixed), maboss(order, rules_blocked, fixed)
print(f"  {'MaBoSS':12} " + "  ".join(f"{n} {b[n]:.3f}->{t[n]:.3f}" for n in readouts))
for s in chosen:
    command = [args.immunosim, "respond", toy, "--block", "PD1", "--initial", "*=0.5", "--initial", "ANTIGEN=1", "--json"] + SEMANTICS[s]
    for n in readouts:
        command += ["--readout", n]
    rows = {r["node"]: r for r in json.loads(subprocess.run(command, capture_output=True, text=True).stdout)["readouts"]}
    print(f"  {s:12} " + "  ".join(f"{n} {rows[n]['baseline']:.3f}->{rows[n]['treated']:.3f}" for n in readouts))
print("  exact multilinear fixed point: TCELL/TIM3/PDL1 0.525 -> 0.618 (t = (1 - t^2)^2, then t = 1 - t^2)")
