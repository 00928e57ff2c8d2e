#!/usr/bin/env python3
"""The flagship of builtin:tme under MaBoSS itself, next to our stochastic engine (issue 14, item 5).

Usage: Scripts/peers/maboss_builtin.py [--immunosim BINARY] [--samples N] [--max-time T]

The model is exported with `immunosim convert builtin:tme --to maboss` (the Boolean reading:
explicit rules, inhibitor-dominant rules elsewhere, multi-valued nodes thermometer-coded, unit
rates, basal levels as spontaneous activation unless inhibited, the model's initial state) and run
by cmaboss (MaBoSS's engine) arm by arm, each arm on an exact reduction to the readouts'
ancestors with held nodes as constants (cmaboss takes at most 64 nodes; see `maboss_arm`). The same arms
run on our engine with `immunosim respond --semantics stochastic` (the treated column). Both read
each node's probability in the last tick before --max-time (50) from --samples (10,000)
trajectories.

Printed: per arm and readout both probabilities and their difference in standard errors of the
difference (sqrt(p(1-p)/N) per tool); then, per claim, the change between two arms under both
tools — the flagship (C047/C049: anti-PD-1 raises TIM-3 and PD-L1), C092 (exhaustion falls),
C094 (no TIM-3 rise without CD8 T cells), C093 (no PD-L1 rise without IFN-γ), C048 (anti-TIM-3
adds to anti-PD-1), C050 (B2M loss shrinks the burden benefit), and the cytokine claims the
Boolean reading reproduces: C057, C053 (IL-21 with and without IL-15), C030–C031 (IL-12),
C023–C024 (doxorubicin), C082 (anti-CTLA-4 frees CD80, CD86 and CD28), C043 and C043b (cold and inflamed backgrounds),
TAT at its full activity (DAMPs and ICD through DNA damage, the burden with and without CD8 T
cells, C020 in the cold tumour), and TAT's activities (C007: 125, 250, 500 kBq/kg, levels 1, 2, 4 of
5; C008: the same without lymphocytes) and beam radiation at 8 and 12 Gy per fraction (C016,
C017, C090; C018 with TAT), which the thermometer-coded export makes exact (TAT, TAT_b2, ...,
TAT_b5; EBRT, ..., EBRT_b8). Exit 1 if a claim does not hold
under both tools or an arm's probabilities differ by more than 5 standard errors; exit 0 with a note when cmaboss is absent.
Not part of `swift test`.
"""
import argparse, json, math, os, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--immunosim", default=os.path.join(root, ".build/release/immunosim"))
parser.add_argument("--samples", type=int, default=10000)
parser.add_argument("--max-time", type=int, default=50)
args = parser.parse_args()

try:
    import cmaboss
except ImportError:
    print("cmaboss is not installed (pip install cmaboss); skipping")
    sys.exit(0)

READOUTS = ["T_CELL_ACTIVATION", "CD8_T", "IFNG", "TIM3", "PDL1", "T_CELL_EXHAUSTION", "TUMOR_BURDEN",
            "NK", "NK_CYTOTOXICITY", "MHC_I", "CXCL9", "TREG", "MDSC", "CD80", "CD86", "CD28", "DAMPS", "ICD",
            "DNA_DAMAGE", "TUMOR_CELL", "TREX1", "TYPE_I_IFN", "IMMUNE_MEMORY"]
# Nodes held on through `--therapy` on our side (the others through `--overexpress`).
THERAPIES = {"ANTI_PD1", "ANTI_PDL1", "ANTI_CTLA4", "ANTI_TIM3", "IL21_THERAPY", "IL12_THERAPY", "DOXORUBICIN", "TAT", "EBRT"}
# Arms: name -> (nodes held on, nodes held off[, background]); `X:k` holds a multi-valued node at
# level k (its thermometer variables X, X_b2, ..., X_bk on, the rest off; `--therapy X:k/max` on
# our side), a bare `X` at its maximum. A background's clamps are listed in
# the two sets for MaBoSS (our engine rounds a clamp level of a Boolean node to 0 or 1: COLD_TUMOR
# holds Tregs and M2 macrophages on, DCs and cDC1 off) and passed by name to ours.
COLD = (["TREG", "M2_MACROPHAGE"], ["DC", "CDC1"])
INFLAMED = (["DC", "CDC1", "NEOANTIGENS"], ["TREG", "M2_MACROPHAGE"])
RAG = ["CD8_T", "TH1", "TH17", "TREG", "TSCM", "NK", "IMMUNE_MEMORY", "NK_CYTOTOXICITY", "TCR", "T_CELL_ACTIVATION",
       "CD4_T", "TFH", "NKT", "TCM"]
ARMS = {
    "untreated": ([], []),
    "anti-PD-1": (["ANTI_PD1"], []),
    "anti-PD-1 + anti-TIM-3": (["ANTI_PD1", "ANTI_TIM3"], []),
    "CD8 depleted": ([], ["CD8_T"]),
    "CD8 depleted + anti-PD-1": (["ANTI_PD1"], ["CD8_T"]),
    "IFN-γ knocked out": ([], ["IFNG"]),
    "IFN-γ knocked out + anti-PD-1": (["ANTI_PD1"], ["IFNG"]),
    "B2M loss": ([], ["MHC_I"]),
    "B2M loss + anti-PD-1": (["ANTI_PD1"], ["MHC_I"]),
    "IL-21": (["IL21_THERAPY"], []),
    "IL-21, IL-15 held off": (["IL21_THERAPY"], ["IL15"]),
    "IL-21, IL-15 held on": (["IL21_THERAPY", "IL15"], []),
    "IL-12": (["IL12_THERAPY"], []),
    "doxorubicin": (["DOXORUBICIN"], []),
    "anti-CTLA-4": (["ANTI_CTLA4"], []),
    # TAT at its full activity (level 5) and at the activities of C007/C008 (125, 250 and 500
    # kBq/kg: levels 1, 2 and 4 of 5); the export codes TAT's levels (TAT, TAT_b2, ..., TAT_b5),
    # so the direct kill (level >= 4) and TREX1 (level 5) read the same under both tools.
    "TAT": (["TAT"], []),
    "TAT 125 kBq/kg": (["TAT:1"], []),
    "TAT 250 kBq/kg": (["TAT:2"], []),
    "TAT 500 kBq/kg": (["TAT:4"], []),
    "lymphocyte-deficient": ([], RAG, "RAG2_IL2RG_KO"),
    # Beam radiation at 8 and 12 Gy per fraction (EBRT 0.4 and 0.6 of 20 Gy: levels 3 and 5 of 8).
    "EBRT 8 Gy": (["EBRT:3"], []),
    "EBRT 12 Gy": (["EBRT:5"], []),
    "lymphocyte-deficient + TAT 125": (["TAT:1"], RAG, "RAG2_IL2RG_KO"),
    "lymphocyte-deficient + TAT 250": (["TAT:2"], RAG, "RAG2_IL2RG_KO"),
    "lymphocyte-deficient + TAT 500": (["TAT:4"], RAG, "RAG2_IL2RG_KO"),
    "TAT, CD8 depleted": (["TAT"], ["CD8_T"]),
    "cold + anti-PD-L1": (["ANTI_PDL1"] + COLD[0], COLD[1], "COLD_TUMOR"),
    "cold + TAT + anti-PD-L1": (["TAT", "ANTI_PDL1"] + COLD[0], COLD[1], "COLD_TUMOR"),
    "cold": (COLD[0], COLD[1], "COLD_TUMOR"),
    "cold + anti-PD-1": (["ANTI_PD1"] + COLD[0], COLD[1], "COLD_TUMOR"),
    "inflamed": (INFLAMED[0], INFLAMED[1], "INFLAMED_TUMOR"),
    "inflamed + anti-PD-1": (["ANTI_PD1"] + INFLAMED[0], INFLAMED[1], "INFLAMED_TUMOR"),
}
# Claims: (label, measure, expected sign: +1 up, -1 down, 0 unchanged within 0.02); a measure
# reads one tool's probabilities {arm: {node: p}}.
def change(node, a, b):
    return lambda p: p[b][node] - p[a][node]


CLAIMS = [
    ("C047 anti-PD-1 raises TIM-3", change("TIM3", "untreated", "anti-PD-1"), +1),
    ("C049 anti-PD-1 raises PD-L1", change("PDL1", "untreated", "anti-PD-1"), +1),
    ("C081 anti-PD-1 raises IFN-γ", change("IFNG", "untreated", "anti-PD-1"), +1),
    ("C092 anti-PD-1 lowers exhaustion", change("T_CELL_EXHAUSTION", "untreated", "anti-PD-1"), -1),
    ("C081 anti-PD-1 lowers the burden", change("TUMOR_BURDEN", "untreated", "anti-PD-1"), -1),
    ("C048 anti-TIM-3 adds to anti-PD-1", change("TUMOR_BURDEN", "anti-PD-1", "anti-PD-1 + anti-TIM-3"), -1),
    ("C094 no TIM-3 rise without CD8 T cells", change("TIM3", "CD8 depleted", "CD8 depleted + anti-PD-1"), 0),
    ("C093 no PD-L1 rise without IFN-γ", change("PDL1", "IFN-γ knocked out", "IFN-γ knocked out + anti-PD-1"), 0),
    ("C050 B2M loss shrinks the benefit", lambda p: change("TUMOR_BURDEN", "untreated", "anti-PD-1")(p)
     - change("TUMOR_BURDEN", "B2M loss", "B2M loss + anti-PD-1")(p), -1),
    ("C057 IL-21 raises IFN-γ", change("IFNG", "untreated", "IL-21"), +1),
    ("C053 IL-21 expands NK cells more with IL-15", change("NK", "IL-21, IL-15 held off", "IL-21, IL-15 held on"), +1),
    ("C053 IL-21 raises NK killing without IL-15", change("NK_CYTOTOXICITY", "untreated", "IL-21, IL-15 held off"), +1),
    ("C053 IL-21 raises NK killing with IL-15", change("NK_CYTOTOXICITY", "untreated", "IL-21, IL-15 held on"), +1),
    ("C030 IL-12 raises IFN-γ", change("IFNG", "untreated", "IL-12"), +1),
    ("C030 IL-12 raises MHC-I", change("MHC_I", "untreated", "IL-12"), +1),
    ("C031 IL-12 raises CXCL9", change("CXCL9", "untreated", "IL-12"), +1),
    ("C023 doxorubicin lowers Tregs", change("TREG", "untreated", "doxorubicin"), -1),
    ("C024 doxorubicin lowers MDSCs", change("MDSC", "untreated", "doxorubicin"), -1),
    ("TAT raises DAMPs (through DNA damage)", change("DAMPS", "untreated", "TAT"), +1),
    ("TAT raises ICD (through DNA damage)", change("ICD", "untreated", "TAT"), +1),
    ("TAT lowers the burden", change("TUMOR_BURDEN", "untreated", "TAT"), -1),
    ("TAT lowers the burden without CD8 T cells (direct kill)", change("TUMOR_BURDEN", "CD8 depleted", "TAT, CD8 depleted"), -1),
    ("C020 TAT makes a cold tumour respond to anti-PD-L1", change("TUMOR_BURDEN", "cold + anti-PD-L1", "cold + TAT + anti-PD-L1"), -1),
    # C007 is graded-only (seeds/README.md): in the Boolean reading DNA damage is on at any
    # activity and TAT's immune arm leaves the burden; both tools must say so.
    ("C007 (Boolean) 125 kBq/kg leaves the burden", change("TUMOR_BURDEN", "untreated", "TAT 125 kBq/kg"), 0),
    ("C016 type I IFN lower at 12 Gy than at 8 Gy", change("TYPE_I_IFN", "EBRT 8 Gy", "EBRT 12 Gy"), -1),
    ("C017 12 Gy induces TREX1", change("TREX1", "untreated", "EBRT 12 Gy"), +1),
    ("C017 TREX1 higher at 12 Gy than at 8 Gy", change("TREX1", "EBRT 8 Gy", "EBRT 12 Gy"), +1),
    ("C018 TAT in vitro (full activity) induces TREX1", change("TREX1", "untreated", "TAT"), +1),
    ("C018 TAT 250 kBq/kg leaves TREX1", change("TREX1", "untreated", "TAT 250 kBq/kg"), 0),
    ("C090 EBRT 8 Gy raises ICD", change("ICD", "untreated", "EBRT 8 Gy"), +1),
    ("C090 EBRT 8 Gy raises DAMPs", change("DAMPS", "untreated", "EBRT 8 Gy"), +1),
    ("C090 EBRT 8 Gy raises immune memory", change("IMMUNE_MEMORY", "untreated", "EBRT 8 Gy"), +1),
    ("C007 500 kBq/kg lowers it below 250", change("TUMOR_BURDEN", "TAT 250 kBq/kg", "TAT 500 kBq/kg"), -1),
    ("C007 (Boolean) 125 and 250 read alike", change("TUMOR_BURDEN", "TAT 125 kBq/kg", "TAT 250 kBq/kg"), 0),
    ("C008 no lymphocytes: 125 kBq/kg no effect", change("TUMOR_BURDEN", "lymphocyte-deficient", "lymphocyte-deficient + TAT 125"), 0),
    ("C008 no lymphocytes: 250 kBq/kg no effect", change("TUMOR_BURDEN", "lymphocyte-deficient", "lymphocyte-deficient + TAT 250"), 0),
    ("C008 no lymphocytes: 500 kBq/kg slows it", change("TUMOR_BURDEN", "lymphocyte-deficient", "lymphocyte-deficient + TAT 500"), -1),
    ("C082 anti-CTLA-4 frees CD80", change("CD80", "untreated", "anti-CTLA-4"), +1),
    ("C082 anti-CTLA-4 frees CD86", change("CD86", "untreated", "anti-CTLA-4"), +1),
    ("C082 anti-CTLA-4 frees CD28", change("CD28", "untreated", "anti-CTLA-4"), +1),
    ("C043 anti-PD-1 works better inflamed than cold", lambda p: change("TUMOR_BURDEN", "inflamed", "inflamed + anti-PD-1")(p)
     - change("TUMOR_BURDEN", "cold", "cold + anti-PD-1")(p), -1),
    ("C043b CD8 rise in the inflamed tumour", change("CD8_T", "inflamed", "inflamed + anti-PD-1"), +1),
    ("C043b CD8 rise inflamed > cold", lambda p: change("CD8_T", "inflamed", "inflamed + anti-PD-1")(p)
     - change("CD8_T", "cold", "cold + anti-PD-1")(p), +1),
]


def export():
    """The exported model, parsed once: (node blocks, their logic, initial states, cfg text)."""
    with tempfile.TemporaryDirectory() as d:
        bnd = os.path.join(d, "tme.bnd")
        run = subprocess.run([args.immunosim, "convert", "builtin:tme", "--to", "maboss", "-o", bnd],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"export failed: {run.stderr.strip()}")
        bnd_text, cfg_text = open(bnd).read(), open(os.path.join(d, "tme.cfg")).read()
    blocks = {name: body for name, body in re.findall(r"Node (\w+) \{(.*?)\n\}", bnd_text, re.S)}
    logic = {name: re.search(r"logic = (.*?);", body).group(1) for name, body in blocks.items()}
    # A multi-valued node's thermometer variables, level >= 1 first (`// level >= k of X` comments).
    levels = {}
    for name, body in blocks.items():
        m = re.search(r"// level >= (\d+) of (\S+) \(levels", body)
        if m:
            levels.setdefault(m.group(2), []).append((int(m.group(1)), name))
    variables.update({node: [name for _, name in sorted(pairs)] for node, pairs in levels.items()})
    # Comments name nodes too; the reduction below reads only the statements.
    blocks = {name: re.sub(r"//[^\n]*", "", body) for name, body in blocks.items()}
    # -1: random (on with probability 1/2), as our engines start a node with no stated level.
    istate = {m[0]: int(m[1]) for m in re.findall(r"^(\w+)\.istate = (-?\d);", cfg_text, re.M)}
    return blocks, logic, istate, cfg_text


variables = {}  # multi-valued node -> its MaBoSS variables, filled by export()


def held(items, value):
    """Constants for held nodes: `X:k` -> X's variables up to level k on, the rest off; a bare
    node -> every variable of it at `value`."""
    const = {}
    for item in items:
        node, _, level = item.partition(":")
        names = variables.get(node, [node])
        k = int(level) if level else (len(names) if value else 0)
        const.update({name: int(j < k) for j, name in enumerate(names)})
    return const


def maboss_arm(model, on, off):
    """The readouts' probabilities under MaBoSS with `on` held on and `off` held off.

    cmaboss takes at most 64 nodes and the model has 86, so each arm runs on an exact reduction:
    inputs (therapies, constant signals) are constants at their initial or held value, `on` and
    `off` are constants too (held from t = 0, as our engine holds them), constants are
    substituted into every rule, and only the ancestors of the readouts are kept. A node that no
    readout reads cannot change a readout's probability, and a constant behaves as its value, so
    the readouts' distribution is the whole model's.
    """
    blocks, logic, istate, cfg_text = model
    const = {n: istate.get(n, 0) for n, rule in logic.items() if rule.strip() == n}
    # A multi-valued input's variables read only each other (they keep its level): constants too.
    for node, names in variables.items():
        if all(set(re.findall(r"\b[A-Za-z_]\w*\b", logic[v])) <= set(names) for v in names):
            const.update({v: istate.get(v, 0) for v in names})
    fixed = {**held(on, 1), **held(off, 0)}
    joint = {x.strip() for line in cfg_text.splitlines() if line.startswith("[") for x in line[1:line.index("]")].split(",")}
    random_inputs = sorted(n for n, v in const.items() if (v < 0 or n in joint) and n not in fixed)
    if random_inputs:
        sys.exit(f"inputs start at random, which a constant cannot stand for: {random_inputs}")
    const.update(fixed)
    name = re.compile(r"\b[A-Za-z_]\w*\b")
    keep, stack = [], [n for n in READOUTS if n not in const]
    while stack:
        node = stack.pop()
        if node in keep or node in const:
            continue
        keep.append(node)
        # The logic's inputs and, for a node with a basal level, the inhibitors its spontaneous
        # activation reads in rate_up.
        stack += [x for x in name.findall(blocks[node]) if x in logic and x != node]
    if len(keep) > 64:
        sys.exit(f"the reduction keeps {len(keep)} nodes, over cmaboss's 64")
    def constants_in(text):
        return name.sub(lambda m: str(const[m.group(0)]) if m.group(0) in const else m.group(0), text)

    out_bnd, out_cfg = [], []
    for node in keep:
        # Constants substituted into the logic and into rate_up (a basal level's leak reads inhibitors).
        body = blocks[node].replace(f"logic = {logic[node]};", f"logic = {constants_in(logic[node])};")
        body = re.sub(r"(rate_up = )(.*?);", lambda m: m.group(1) + constants_in(m.group(2)) + ";", body)
        out_bnd.append(f"Node {node} {{{body}\n}}")
        out_cfg += [line for line in cfg_text.splitlines()
                    if line.startswith((f"$Low_{node} ", f"$High_{node} ", f"{node}.istate "))]
    # Joint istates (a multi-valued node starting at 0 or its maximum): kept whole or not at all.
    for line in cfg_text.splitlines():
        if line.startswith("["):
            members = [x.strip() for x in line[1:line.index("]")].split(",")]
            if all(x in keep for x in members):
                out_cfg.append(line)
            elif any(x in keep for x in members):
                sys.exit(f"a joint istate is split by the reduction: {line}")
    out_cfg += [f"sample_count = {args.samples};", f"max_time = {args.max_time};", "time_tick = 1;",
                "discrete_time = 0;", "use_physrandgen = FALSE;", "seed_pseudorandom = 42;", "thread_count = 1;"]
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "arm.bnd"), "w").write("\n\n".join(out_bnd) + "\n")
        open(os.path.join(d, "arm.cfg"), "w").write("\n".join(out_cfg) + "\n")
        result = cmaboss.MaBoSSSim(network=os.path.join(d, "arm.bnd"), config=os.path.join(d, "arm.cfg")).run()
        probs, _, names, _ = result.get_last_nodes_probtraj()
    p = {n: float(probs[0][k]) for k, n in enumerate(names)}
    # A readout that is itself a constant (a knocked-out node) reads its value.
    return {n: float(const[n]) if n in const else p.get(n, 0.0) for n in READOUTS}


def ours_arm(on, off, background=None):
    command = [args.immunosim, "respond", "builtin:tme", "--semantics", "stochastic", "--trajectories", str(args.samples),
               "--steps", str(args.max_time), "--json"] + sum((["--readout", n] for n in READOUTS), [])
    if background:  # its clamps come with the name
        command += ["--background", background]
        on = [n for n in on if n.partition(":")[0] in THERAPIES]
        off = []
    for item in on:
        node, _, level = item.partition(":")
        # `X:k` is level k of X's maximum (the variables the export wrote for it).
        dose = f"{node}:{int(level) / len(variables.get(node, [node])):g}" if level else node
        command += ["--therapy" if node in THERAPIES else "--overexpress", dose]
    command += sum((["--knockout", n] for n in off), [])
    if not any(n.partition(":")[0] in THERAPIES for n in on):  # `respond` needs a change; the untreated arm is the baseline column of any arm
        command += ["--therapy", "ANTI_PD1"]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"immunosim failed: {run.stderr.strip()}")
    readouts = json.loads(run.stdout)["readouts"]
    column = "treated" if any(n.partition(":")[0] in THERAPIES for n in on) else "baseline"
    return {r["node"]: r[column] for r in readouts}


def se(p):
    return math.sqrt(max(p * (1 - p), 1e-12) / args.samples)


def main():
    if not os.path.exists(args.immunosim):
        sys.exit(f"no binary at {args.immunosim}: swift build -c release --product immunosim")
    model = export()
    theirs, ours = {}, {}
    worst = 0.0
    print(f"builtin:tme, Boolean reading; {args.samples} trajectories per arm; probability at t = {args.max_time}\n")
    print(f"{'arm':32} {'node':18} {'ours':>7} {'MaBoSS':>7} {'z':>6}")
    for arm, (on, off, *background) in ARMS.items():
        theirs[arm] = maboss_arm(model, on, off)
        ours[arm] = ours_arm(on, off, *background)
        for n in READOUTS:
            a, b = ours[arm][n], theirs[arm][n]
            z = (a - b) / math.hypot(se(a), se(b))
            worst = max(worst, abs(z))
            print(f"{arm:32} {n:18} {a:7.3f} {b:7.3f} {z:6.1f}")
    print(f"\nlargest difference: {worst:.1f} standard errors\n")
    print(f"{'claim':42} {'ours':>8} {'MaBoSS':>8}  verdict")
    failures = 0
    for label, measure, sign in CLAIMS:
        d_ours, d_theirs = measure(ours), measure(theirs)

        def holds(d):
            return abs(d) <= 0.02 if sign == 0 else d * sign > 0.02
        verdict = "both hold" if holds(d_ours) and holds(d_theirs) else ("both fail" if not holds(d_ours) and not holds(d_theirs) else "DIFFER")
        failures += verdict != "both hold"
        print(f"{label:42} {d_ours:+8.3f} {d_theirs:+8.3f}  {verdict}")
    if failures or worst > 5:
        sys.exit(1)


main()
