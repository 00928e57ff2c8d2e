#!/usr/bin/env python3
"""Cross-check our bnet / SBML-qual / MaBoSS exports of the BBM models with peer tools.

For every model in ../shared/models/bbm (relative to the package root) this script
  1. exports the original bnet and SBML with `immunosim convert` (bnet -> bnet, bnet -> sbml,
     sbml -> sbml, sbml -> bnet, bnet -> maboss);
  2. counts fixed points with biodivine-aeon (all bnet/SBML files) and pyboolnet (bnet files)
     and checks that the counts of the exports equal those of the originals;
  3. with cmaboss, runs a short stochastic simulation of our .bnd/.cfg export and checks that
     every fixed point MaBoSS reports is a steady state of the original (pyboolnet);
  4. (hook) when `immunosim fixedpoints MODEL --json` exists, compares its count too.

Peers are optional: a missing module is reported and that column skipped. Not part of `swift test`.
Usage: python3 Scripts/peers/formats_peers.py [--immunosim PATH] [--models 093,195] [--skip-large N]
Install peers: pip install biodivine-aeon pyboolnet cmaboss
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "models", "bbm")


def optional(name):
    try:
        return __import__(name)
    except Exception as error:  # noqa: BLE001 - any import failure means "peer absent"
        print(f"note: {name} unavailable ({error.__class__.__name__}); its checks are skipped", file=sys.stderr)
        return None


def aeon_count(aeon, path):
    bn = aeon.BooleanNetwork.from_file(path)
    bn = bn.infer_valid_graph()
    graph = aeon.AsynchronousGraph(bn)
    return int(aeon.FixedPoints.symbolic(graph).vertices().cardinality())


def pyboolnet_count(path, limit):
    from pyboolnet.file_exchange import bnet2primes
    from pyboolnet.trap_spaces import compute_steady_states
    primes = bnet2primes(path)
    return len(compute_steady_states(primes, max_output=limit)), primes


def ours_count(immunosim, path):
    """Our exact fixed-point count: `immunosim fixedpoints MODEL --count --json` -> {"count": N}.

    Counting decomposes the model and never lists states, so it is safe on models with millions
    of fixed points; a model whose count takes longer than the timeout reports None.
    """
    try:
        run = subprocess.run([immunosim, "fixedpoints", path, "--count", "--json"], capture_output=True, text=True,
                             timeout=120)
    except Exception:  # noqa: BLE001
        return None
    if run.returncode != 0:
        return None
    try:
        document = json.loads(run.stdout)
    except ValueError:
        return None
    if isinstance(document, dict) and "count" in document:
        return int(document["count"])
    if isinstance(document, dict) and isinstance(document.get("fixedpoints"), list):
        return len(document["fixedpoints"])
    return None


def convert(immunosim, source, fmt, out):
    run = subprocess.run([immunosim, "convert", source, "--to", fmt, "-o", out], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"convert {source} --to {fmt} failed: {run.stderr.strip()}")


def maboss_check(cmaboss, prefix, primes):
    """Runs our .bnd/.cfg briefly; every MaBoSS fixed point must be a steady state of the original."""
    from pyboolnet.state_transition_graphs import successor_synchronous
    with open(prefix + ".cfg") as f:
        cfg = f.read().replace("sample_count = 10000;", "sample_count = 200;").replace("max_time = 50;", "max_time = 20;")
    with open(prefix + ".cfg", "w") as f:
        f.write(cfg)
    sim = cmaboss.MaBoSSSim(network=prefix + ".bnd", config=prefix + ".cfg")
    result = sim.run()
    table = result.get_fp_table()
    checked = 0
    for _, row in (table.items() if isinstance(table, dict) else []):
        state_text = row[1] if isinstance(row, (list, tuple)) and len(row) > 1 else str(row)
        active = set() if state_text in ("<nil>", "") else set(state_text.split(" -- "))
        state = {name: (1 if name in active else 0) for name in primes}
        if successor_synchronous(primes, state) != state:
            return f"MaBoSS fixed point {state_text} is not steady"
        checked += 1
    return f"ok ({checked} fp)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--immunosim", default=os.path.join(ROOT, ".build", "debug", "immunosim"))
    parser.add_argument("--models", default="")
    parser.add_argument("--limit", type=int, default=50_000, help="pyboolnet max steady states (counts at the limit are not compared)")
    parser.add_argument("--skip-large", type=int, default=1000, help="skip pyboolnet above this many variables")
    args = parser.parse_args()
    if not os.path.isdir(SHARED):
        print(f"skip: {SHARED} not found")
        return 0
    if not os.access(args.immunosim, os.X_OK):
        print(f"skip: {args.immunosim} not built (swift build --product immunosim)")
        return 0
    aeon = optional("biodivine_aeon")
    pbn = optional("pyboolnet")
    cmaboss = optional("cmaboss")
    wanted = [m for m in args.models.split(",") if m]
    failures = 0
    header = f"{'model':<48} {'aeon orig bnet/sbml':>20} {'aeon ours b>b b>s s>s s>b':>27} {'pyboolnet orig/ours':>20} {'ours':>6}  maboss"
    print(header)
    for model in sorted(os.listdir(SHARED)):
        if wanted and not any(model.startswith(w) for w in wanted):
            continue
        directory = os.path.join(SHARED, model)
        bnet, sbml = os.path.join(directory, "model.bnet"), os.path.join(directory, "model.sbml")
        if not (os.path.exists(bnet) and os.path.exists(sbml)):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            exports = {
                "b>b": os.path.join(tmp, "bb.bnet"), "b>s": os.path.join(tmp, "bs.sbml"),
                "s>s": os.path.join(tmp, "ss.sbml"), "s>b": os.path.join(tmp, "sb.bnet"),
            }
            convert(args.immunosim, bnet, "bnet", exports["b>b"])
            convert(args.immunosim, bnet, "sbml", exports["b>s"])
            convert(args.immunosim, sbml, "sbml", exports["s>s"])
            convert(args.immunosim, sbml, "bnet", exports["s>b"])
            row_ok = True
            aeon_text, ours_text, pbn_text, maboss_text = "-", "-", "-", "-"
            if aeon:
                original = (aeon_count(aeon, bnet), aeon_count(aeon, sbml))
                ours = [aeon_count(aeon, exports[k]) for k in ("b>b", "b>s", "s>s", "s>b")]
                # Each export must match its own origin (b>b, b>s: the bnet; s>s, s>b: the SBML).
                # The two originals may differ: BBM SBML keeps regulators the rule ignores (free inputs).
                row_ok &= ours[0] == ours[1] == original[0] and ours[2] == ours[3] == original[1]
                aeon_text = f"{original[0]}/{original[1]}" + ("*" if original[0] != original[1] else "")
                ours_text = " ".join(str(c) for c in ours)
            primes = None
            if pbn:
                count_orig, primes = pyboolnet_count(bnet, args.limit)
                if count_orig >= args.limit:
                    pbn_text = f">={args.limit}"
                elif len(primes) <= args.skip_large:
                    count_ours, _ = pyboolnet_count(exports["b>b"], args.limit)
                    count_ours2, _ = pyboolnet_count(exports["s>b"], args.limit)
                    row_ok &= count_orig == count_ours and (not aeon or count_ours2 == original[1])
                    pbn_text = f"{count_orig}/{count_ours}/{count_ours2}"
            ours_fp = ours_count(args.immunosim, bnet)
            if ours_fp is not None and aeon:
                row_ok &= ours_fp == original[0]
            if cmaboss and primes is not None:
                prefix = os.path.join(tmp, "mb")
                convert(args.immunosim, bnet, "maboss", prefix)
                try:
                    maboss_text = maboss_check(cmaboss, prefix, primes)
                    row_ok &= maboss_text.startswith("ok")
                except Exception as error:  # noqa: BLE001
                    if "maximum node count exceeded" in str(error):
                        maboss_text = "skipped (this cmaboss build is limited to 64 nodes)"
                    else:
                        maboss_text = f"error: {error}"
                        row_ok = False
            failures += 0 if row_ok else 1
            print(f"{model[:48]:<48} {aeon_text:>20} {ours_text:>27} {pbn_text:>20} {str(ours_fp if ours_fp is not None else '-'):>6}  {maboss_text}{'' if row_ok else '  MISMATCH'}", flush=True)
    print("\n* the original bnet and SBML differ (e.g. the SBML declares a regulator its rule does not read,")
    print("  which becomes a free input); each export is compared with its own origin.")
    print(f"{failures} model(s) with mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
