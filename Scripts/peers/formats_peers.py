#!/usr/bin/env python3
"""Cross-check our bnet / SBML-qual / MaBoSS exports of the BBM models with peer tools.

For every model in ../shared/models/bbm (relative to the package root) this script
  1. exports the original bnet and SBML with `immunosim convert` (bnet -> bnet, bnet -> sbml,
     sbml -> sbml, sbml -> bnet, bnet -> maboss);
  2. counts fixed points with biodivine-aeon (all bnet/SBML files) and pyboolnet (bnet files)
     and checks that the counts of the exports equal those of the originals;
  3. with cmaboss, runs a short stochastic simulation of our .bnd/.cfg export and checks that
     every fixed point MaBoSS reports is a steady state of the original (pyboolnet);
  4. (hook) when `immunosim fixedpoints MODEL --json` exists, compares its count too;
  5. with python-libsbml, runs libsbml's consistency checks on every SBML we write (the b>s and
     s>s exports, and the built-in models) and requires zero errors — among them 10402, "one
     top-level element per namespace in an annotation". `--collection DIR` repeats this check for
     every model.bnet / model.sbml under DIR (e.g. the 285 BBM models).

Peers are optional: a missing module is reported and that column skipped. Not part of `swift test`.
Usage: python3 Scripts/peers/formats_peers.py [--immunosim PATH] [--models 093,195] [--skip-large N]
Install peers: pip install biodivine-aeon pyboolnet cmaboss python-libsbml
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


def libsbml_errors(libsbml, path):
    """Errors (severity error or fatal) libsbml reports reading `path` and checking consistency,
    as a list of 'ID: message' strings."""
    document = libsbml.readSBMLFromFile(path)
    document.checkConsistency()
    found = []
    for k in range(document.getNumErrors()):
        error = document.getError(k)
        if error.getSeverity() >= libsbml.LIBSBML_SEV_ERROR:
            found.append(f"{error.getErrorId()}: {error.getShortMessage()}")
    return found


def libsbml_collection(libsbml, immunosim, directory):
    """Exports every model.bnet / model.sbml under `directory` to SBML and checks each with libsbml."""
    checked, bad = 0, 0
    for model in sorted(os.listdir(directory)):
        for name in ("model.bnet", "model.sbml"):
            source = os.path.join(directory, model, name)
            if not os.path.exists(source):
                continue
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, "out.sbml")
                if subprocess.run([immunosim, "convert", source, "--to", "sbml", "-o", out], capture_output=True).returncode != 0:
                    continue
                checked += 1
                errors = libsbml_errors(libsbml, out)
                if errors:
                    bad += 1
                    print(f"libsbml: {model}/{name}: {len(errors)} error(s), first {errors[0]}")
    print(f"libsbml: {checked} exports of {directory} checked, {bad} with errors")
    return bad


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--immunosim", default=os.path.join(ROOT, ".build", "debug", "immunosim"))
    parser.add_argument("--models", default="")
    parser.add_argument("--limit", type=int, default=50_000, help="pyboolnet max steady states (counts at the limit are not compared)")
    parser.add_argument("--skip-large", type=int, default=1000, help="skip pyboolnet above this many variables")
    parser.add_argument("--collection", default="", help="also check the SBML exports of every model under DIR with libsbml")
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
    libsbml = optional("libsbml")
    libsbml_bad = 0
    if libsbml:
        for builtin in ("flagship", "tme"):
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, f"{builtin}.sbml")
                convert(args.immunosim, f"builtin:{builtin}", "sbml", out)
                errors = libsbml_errors(libsbml, out)
                libsbml_bad += 1 if errors else 0
                print(f"libsbml: builtin:{builtin} export: {len(errors)} error(s){(' - first ' + errors[0]) if errors else ''}")
        if args.collection:
            libsbml_bad += libsbml_collection(libsbml, args.immunosim, args.collection)
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
            if libsbml:
                sbml_errors = libsbml_errors(libsbml, exports["b>s"]) + libsbml_errors(libsbml, exports["s>s"])
                row_ok &= not sbml_errors
                maboss_text += f"  libsbml {len(sbml_errors)}" + (f" ({sbml_errors[0]})" if sbml_errors else "")
            failures += 0 if row_ok else 1
            print(f"{model[:48]:<48} {aeon_text:>20} {ours_text:>27} {pbn_text:>20} {str(ours_fp if ours_fp is not None else '-'):>6}  {maboss_text}{'' if row_ok else '  MISMATCH'}", flush=True)
    print("\n* the original bnet and SBML differ (e.g. the SBML declares a regulator its rule does not read,")
    print("  which becomes a free input); each export is compared with its own origin.")
    print(f"{failures} model(s) with mismatches; {libsbml_bad} SBML export(s) outside the collection loop with libsbml errors")
    return 1 if failures or libsbml_bad else 0


if __name__ == "__main__":
    sys.exit(main())
