#!/usr/bin/env python3
"""Stochastic engine vs MaBoSS (cmaboss): agreement and speed.

For each BBM model (../shared/models/bbm relative to the package root, or --models DIR):
  1. convert model.bnet to MaBoSS .bnd/.cfg with `immunosim convert --to maboss`;
  2. make every node start at random (istate 0.5/0.5, MaBoSS's default) and set sample_count,
     max_time, time_tick and thread_count = 1 in the .cfg;
  3. run cmaboss (cmaboss_128n/256n/... for larger models) on those files and our engine
     (`immunosim simulate FILE.bnd --semantics stochastic --threads 1 --json`) on the same files;
  4. compare every node's probability in the last sampling window: |ours - maboss| must be within
     4 binomial standard errors of the difference (sqrt(p(1-p)(1/n1 + 1/n2))); print the table;
  5. time both single-threaded (cmaboss: sim.run(); ours: the whole process, parsing included)
     and print the ratio, plus our 2-thread speed-up. Times are CPU seconds (robust on a loaded
     machine: cmaboss's sim.run() in this process, our whole child process — parsing, compiling and
     JSON output included); the 2-thread figure is wall-clock and needs two idle cores.

Skips cleanly (exit 0 with a message) when cmaboss or the models are absent.

Usage: python3 Scripts/peers/maboss_bench.py [--immunosim PATH] [--trajectories N]
       [--max-time T] [--time-tick DT] [--models DIR] [--bench-models 093,...]
"""
import argparse
import glob
import json
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def find_immunosim(explicit):
    if explicit:
        return explicit
    for pattern in [".build-*-rel/release/immunosim", ".build/release/immunosim", ".build-*/release/immunosim"]:
        found = sorted(glob.glob(os.path.join(ROOT, pattern)))
        if found:
            return found[0]
    return None


def maboss_module(node_count):
    import importlib
    for limit, name in [(64, "cmaboss"), (128, "cmaboss_128n"), (256, "cmaboss_256n"), (512, "cmaboss_512n"), (1024, "cmaboss_1024n")]:
        if node_count <= limit:
            return importlib.import_module(name)
    return None


def prepare(immunosim, model_dir, workdir, trajectories, max_time, tick):
    name = os.path.basename(model_dir)
    bnd = os.path.join(workdir, name.split("-")[0] + ".bnd")
    cfg = bnd[:-4] + ".cfg"
    subprocess.run([immunosim, "convert", os.path.join(model_dir, "model.bnet"), "--to", "maboss", "-o", bnd],
                   check=True, capture_output=True)
    text = open(cfg).read()
    text = re.sub(r"^(\w+)\.istate = [01];", r"[\1].istate = 0.5 [0], 0.5 [1];", text, flags=re.M)
    settings = {"sample_count": trajectories, "max_time": max_time, "time_tick": tick, "thread_count": 1}
    for key, value in settings.items():
        text = re.sub(r"^%s = .*;" % key, "%s = %s;" % (key, value), text, flags=re.M)
    open(cfg, "w").write(text)
    nodes = re.findall(r"^Node (\w+)", open(bnd).read(), flags=re.M)
    return bnd, cfg, nodes


def run_maboss(module, bnd, cfg):
    sim = module.MaBoSSSim(network=bnd, config=cfg)
    start = time.process_time()
    result = sim.run()
    elapsed = time.process_time() - start
    probs, times, names, _ = result.get_nodes_probtraj()
    return {n: float(probs[-1][i]) for i, n in enumerate(names)}, elapsed


def run_ours(immunosim, bnd, threads, seed=1, wall=False):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([immunosim, "simulate", bnd, "--semantics", "stochastic", "--threads", str(threads),
                          "--seed", str(seed), "--json"], check=True, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = time.perf_counter() - start if wall else (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    data = json.loads(out)
    return {k: v[-1] for k, v in data["probabilities"].items()}, elapsed, data["trajectories"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--immunosim")
    parser.add_argument("--trajectories", type=int, default=10000)
    parser.add_argument("--max-time", type=float, default=50)
    parser.add_argument("--time-tick", type=float, default=1)
    parser.add_argument("--models", default=os.path.join(os.path.dirname(ROOT), "shared", "models", "bbm"))
    parser.add_argument("--bench-models", default="093,103,195,258")
    parser.add_argument("--limit", type=int, default=0, help="at most this many models in the agreement table")
    parser.add_argument("--speed-only", action="store_true", help="skip the agreement table")
    args = parser.parse_args()
    try:
        import cmaboss  # noqa: F401
    except ImportError:
        print("SKIP: cmaboss is not installed (pip install cmaboss)")
        return 0
    immunosim = find_immunosim(args.immunosim)
    if not immunosim:
        print("SKIP: no release immunosim found (swift build -c release)")
        return 0
    models = sorted(d for d in glob.glob(os.path.join(args.models, "*")) if os.path.exists(os.path.join(d, "model.bnet")))
    if not models:
        print("SKIP: no BBM models under %s" % args.models)
        return 0
    if args.limit:
        models = models[: args.limit]
    workdir = tempfile.mkdtemp(prefix="maboss-bench-")
    n = args.trajectories
    print("# agreement: last window [%g, %g), %d trajectories each, random initial states" % (args.max_time - args.time_tick, args.max_time, n))
    print("%-58s %5s %9s %9s %9s %8s %s" % ("model", "nodes", "max|d|", "max z", "maboss cpu", "ours cpu", "ok"))
    all_ok = True
    timings = {}
    for model_dir in ([] if args.speed_only else models):
        name = os.path.basename(model_dir)
        bnd, cfg, nodes = prepare(immunosim, model_dir, workdir, n, args.max_time, args.time_tick)
        module = maboss_module(len(nodes))
        if module is None:
            print("%-58s %5d  (too large for cmaboss)" % (name, len(nodes)))
            continue
        theirs, t_maboss = run_maboss(module, bnd, cfg)
        ours, t_ours, count = run_ours(immunosim, bnd, threads=1)
        worst_d, worst_z, worst_node = 0.0, 0.0, ""
        for node in nodes:
            p, q = ours.get(node, 0.0), theirs.get(node, 0.0)
            pooled = (p + q) / 2
            se = math.sqrt(max(pooled * (1 - pooled), 0.25 / n) * (1 / count + 1 / n))
            z = abs(p - q) / se
            if abs(p - q) > worst_d:
                worst_d = abs(p - q)
            if z > worst_z:
                worst_z, worst_node = z, node
        ok = worst_z <= 4
        all_ok &= ok
        timings[name] = (t_maboss, t_ours)
        print("%-58s %5d %9.4f %9.2f %9.3f %8.3f %s%s" % (name, len(nodes), worst_d, worst_z, t_maboss, t_ours,
                                                         "yes" if ok else "NO", "" if ok else " (" + worst_node + ")"))
    print("# every node within 4 SE on every model: %s" % ("yes" if all_ok else "NO"))
    print()
    print("# speed, one thread each (%d trajectories, max_time %g)" % (n, args.max_time))
    print("%-58s %10s %10s %8s %10s" % ("model", "maboss cpu", "ours cpu", "ratio", "ours 2thr"))
    ratios = []
    for prefix in args.bench_models.split(","):
        match = [d for d in models if os.path.basename(d).startswith(prefix)]
        if not match:
            continue
        name = os.path.basename(match[0])
        bnd, cfg, nodes = prepare(immunosim, match[0], workdir, n, args.max_time, args.time_tick)
        module = maboss_module(len(nodes))
        t_maboss = min(run_maboss(module, bnd, cfg)[1] for _ in range(3))
        t_ours = min(run_ours(immunosim, bnd, threads=1)[1] for _ in range(3))
        one_wall = min(run_ours(immunosim, bnd, threads=1, wall=True)[1] for _ in range(3))
        two_wall = min(run_ours(immunosim, bnd, threads=2, wall=True)[1] for _ in range(3))
        ratios.append(t_maboss / t_ours)
        print("%-58s %10.3f %10.3f %7.1fx %10.3f (%.2fx wall, 1 -> 2 threads)" % (name, t_maboss, t_ours, t_maboss / t_ours, two_wall, one_wall / two_wall))
    if ratios:
        print("# geometric-mean speed-up over cmaboss (single thread): %.1fx" % math.exp(sum(map(math.log, ratios)) / len(ratios)))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
