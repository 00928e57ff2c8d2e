#!/usr/bin/env python3
"""Runs `immunosim` on hostile inputs and classifies every outcome (issue 16).

For each case: the exit status, the time, and standard error. A case is
  - a crash when the process dies of a signal or exits >= 3 (a Swift trap, a failed allocation),
  - a hang when it runs longer than --timeout seconds,
  - a silent acceptance when input that must be refused exits 0,
  - an unlocated error when an error message names neither a file position (FILE:LINE:COL, a JSON
    or XML path "at ..."), nor the flag (--name), nor a node/subject, nor the limit,
  - and a leak of Foundation wording when a message carries "NSCocoaErrorDomain", "Code=" or
    Codable's "Cannot initialize".
Cases: the hostile corpus (Tests/ImmunoGraphTests/Resources/hostile) through `info` and
`convert --to bnet`, and argument vectors against every command (integer limits, schedules,
lists, merge shards, hypothesis files).

Usage: python3 Scripts/hostile_probe.py [--immunosim PATH] [--timeout 20]
Prints one line per problem and a summary; exits 1 when any crash, hang, silent acceptance,
unlocated error or Foundation wording is found.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOSTILE = os.path.join(ROOT, "Tests", "ImmunoGraphTests", "Resources", "hostile")
INT_MAX = "9223372036854775807"
# Corpus files that are valid and must be read (the rest must be refused).
VALID = {"bom.bnet", "bom.sif", "crlf.sif", "deep_parens.bnet", "deep_not.bnet", "deep_apply.sbml",
         "cn_intmax_gt.sbml", "cn_intmax_leq.sbml", "threshold_intmax.sbml", "id_with_spaces.json",
         "undefined_name.bnet", "undefined_typo.bnet"}
LOCATED = re.compile(r"(:\d+:\d+:|: at [\w$\[\]./…×()-]+:|--[a-z-]+|\[[a-z-]+\]|column \d+|shard|rows\[\d+\]|"
                     r"no node|node id '|no background|limit|is not a|expected|unknown|must be)")
FOREIGN = re.compile(r"NSCocoaErrorDomain|Code=\d|Cannot initialize|Expected to decode|debugDescription")


def cases(tmp):
    """(label, argv, must_fail) for every hostile case."""
    result = []
    for name in sorted(os.listdir(HOSTILE)):
        path = os.path.join(HOSTILE, name)
        result.append((f"info {name}", ["info", path], name not in VALID))
        if name in VALID and name.endswith(".json"):
            result.append((f"convert {name} --to bnet", ["convert", path, "--to", "bnet"], name == "id_with_spaces.json"))
    model = "builtin:flagship"
    runs = [["simulate", model], ["simulate", model, "--semantics", "logical"], ["respond", model, "--therapy", "ANTI_PD1@10"],
            ["respond", model, "--therapy", "ANTI_PD1@10", "--steady-state"],
            ["sweep", model, "--therapy", "ANTI_PD1", "--readout", "TIM3", "--doses", "1"],
            ["screen", model, "--readout", "TIM3", "-q"], ["explain", model, "--therapy", "ANTI_PD1", "--readout", "TIM3"]]
    for run in runs:
        for steps in [INT_MAX, "1000000000", "-1", "1e3", ""]:
            result.append((f"{run[0]} --steps {steps!r}", run + ["--steps", steps], True))
    for spec in [f"ANTI_PD1@0/1+{INT_MAX}", f"ANTI_PD1@{INT_MAX}", f"ANTI_PD1@0-{INT_MAX}", f"ANTI_PD1@0/{INT_MAX}+1",
                 "ANTI_PD1@0/0+1", "ANTI_PD1:-1", "ANTI_PD1:nan", "ANTI_PD1~0", "ANTI_PD1@5-2", "ANTI_PD1@@1", "NOPE@1"]:
        for run in [["simulate", model, "--steps", "5"], ["simulate", model, "--steps", "5", "--exposure"],
                    ["simulate", model, "--steps", "5", "--semantics", "logical"], ["respond", model, "--steps", "5"],
                    ["sweep", model, "--readout", "TIM3", "--doses", "1", "--steps", "5"]]:
            result.append((f"{run[0]} --therapy {spec}", run + ["--therapy", spec], True))
    flags = [(["explain", model, "--therapy", "ANTI_PD1", "--readout", "TIM3", "--max-length"], ["-3", "0", INT_MAX]),
             (["info", model, "--svg", os.path.join(tmp, "x.svg"), "--around", "TIM3", "--radius"], ["-2", INT_MAX]),
             (["info", model, "--max-loop-length"], ["-1", "0", INT_MAX]),
             (["screen", model, "--readout", "TIM3", "-q", "--threads"], ["0", "-4", INT_MAX]),
             (["screen", model, "--readout", "TIM3", "-q", "--shard"], ["0/0", f"1/{INT_MAX}", "3/2", "1/1000000000", "x"]),
             (["screen", model, "--readout", "TIM3", "-q", "--top"], ["-1", INT_MAX]),
             (["sweep", model, "--therapy", "ANTI_PD1", "--readout", "TIM3", "--doses"], ["1,,2", "1,2,", "-1", "nan", "", "1e400"]),
             (["sweep", model, "--therapy", "ANTI_PD1", "--readout", "TIM3", "--starts"], [INT_MAX, "-1", "0,1.5", "1e300"]),
             (["simulate", model, "--initial"], ["TIM3=5", "TIM3=-1", "TIM3", "NOPE=0.5"]),
             (["simulate", model, "--seed", "--semantics", "logical", "--update", "async"], []),
             (["fixedpoints", model, "--limit"], ["0", "-1"]),
             (["respond", model, "--therapy", "ANTI_PD1", "--tolerance"], ["-1", "nan"])]
    for base, values in flags:
        for value in values:
            result.append((f"{base[0]} {base[-1]} {value!r}", base + [value], True))
    # Merge shards.
    shard = os.path.join(tmp, "s1.json")
    other = os.path.join(tmp, "s2.json")
    subprocess.run(IMMUNOSIM + ["screen", model, "--readout", "TIM3", "--readout", "PDL1", "--pairs", "--steps", "10",
                                "--shard", "1/2", "-q", "-o", shard], capture_output=True)
    subprocess.run(IMMUNOSIM + ["screen", model, "--readout", "TIM3", "--readout", "PDL1", "--pairs", "--steps", "10",
                                "--shard", "2/2", "-q", "-o", other], capture_output=True)
    with open(shard) as f:
        good = json.load(f)
    tampers = {
        "count 0": lambda d: d.update(shard={"index": 1, "count": 0}),
        "count 1e9": lambda d: d.update(shard={"index": 1, "count": 1_000_000_000}),
        "index 0": lambda d: d.update(shard={"index": 0, "count": 2}),
        "short row": lambda d: d["rows"][0].update(values=[0.5]),
        "long row": lambda d: d["rows"][0].update(values=[0.5, 0.5, 0.5]),
        "duplicated row": lambda d: d["rows"].insert(1, d["rows"][1]),
        "foreign row": lambda d: d["rows"][1].update(arm=1),
        "arm 1e9": lambda d: d["rows"][1].update(arm=1_000_000_000),
        "renamed arm": lambda d: d["rows"][0].update(candidates=[{"node": "X", "action": "therapy"}]),
        "missing row": lambda d: d["rows"].pop(),
        "baseline width": lambda d: d.update(baseline=[0.1]),
        "baseline string": lambda d: d.update(baseline="high"),
        "order 9": lambda d: d["plan"].update(order=9),
        "no readouts": lambda d: d["plan"].update(readouts=[]),
        "format": lambda d: d.update(format="other"),
        "action word": lambda d: d["rows"][0]["candidates"][0].update(action="antibody"),
    }
    for label, change in tampers.items():
        data = json.loads(json.dumps(good))
        change(data)
        path = os.path.join(tmp, f"bad-{label.replace(' ', '-')}.json")
        with open(path, "w") as f:
            json.dump(data, f)
        result.append((f"merge {label}", ["merge", path, other], True))
    for label, text in {"empty": "", "syntax": "{\"rows\": [}", "array": "[]", "deep": "[" * 5000 + "]" * 5000}.items():
        path = os.path.join(tmp, f"merge-{label}.json")
        with open(path, "w") as f:
            f.write(text)
        result.append((f"merge {label}", ["merge", path], True))
    # Hypothesis files.
    hypothesis = {"name": "x", "therapies": ["ANTI_PD1"], "expect": [{"node": "PDL1", "direction": "up"}]}
    variants = {
        "therapy key": {"therapy": ["ANTI_PD1"]}, "robustnes": {"robustnes": {"variants": 5}},
        "variant key": {"robustness": {"variant": 5}}, "variants 1e9": {"robustness": {"variants": 1_000_000_000}},
        "runs 1e9": {"semantics": "logical", "runs": 1_000_000_000}, "steps max": {"steps": int(INT_MAX)},
        "window reversed": {"window": [50, 10]}, "atLeast 9": {"robustness": {"atLeast": 9}},
        "direction word": {"expect": [{"node": "PDL1", "direction": "sideways"}]},
        "expect key": {"expect": [{"node": "PDL1", "directon": "up"}]}, "name number": {"name": 7},
        "cycle max": {"therapies": [f"ANTI_PD1@0/1+{INT_MAX}"]}, "unknown node": {"expect": [{"node": "PDL", "direction": "up"}]},
        "semantics word": {"semantics": "boolean"}, "tolerance -1": {"tolerance": -1},
    }
    for label, change in variants.items():
        data = {"model": model, "hypotheses": [dict(hypothesis, **change)]}
        path = os.path.join(tmp, f"hyp-{label.replace(' ', '-')}.json")
        with open(path, "w") as f:
            json.dump(data, f, indent=1)
        result.append((f"check {label}", ["check", path], True))
    for label, text in {"empty": "", "syntax": "{\"hypotheses\": [}", "bom": "\ufeff{\"hypotheses\": 3}", "model key": "{\"modle\": 1}"}.items():
        path = os.path.join(tmp, f"hyp-{label}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        result.append((f"check {label}", ["check", path], True))
    return result


def main():
    global IMMUNOSIM
    parser = argparse.ArgumentParser()
    parser.add_argument("--immunosim", default=os.path.join(ROOT, ".build", "debug", "immunosim"))
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()
    if not os.access(args.immunosim, os.X_OK):
        print(f"skip: {args.immunosim} not built")
        return 0
    IMMUNOSIM = [args.immunosim]
    counts = {"inputs": 0, "crashes": 0, "hangs": 0, "silent": 0, "unlocated": 0, "foreign": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for label, argv, must_fail in cases(tmp):
            counts["inputs"] += 1
            start = time.time()
            try:
                run = subprocess.run(IMMUNOSIM + argv, capture_output=True, text=True, errors="replace",
                                     timeout=args.timeout, cwd=tmp)
            except subprocess.TimeoutExpired:
                counts["hangs"] += 1
                print(f"HANG     {label}")
                continue
            status, stderr = run.returncode, run.stderr
            errors = [line for line in stderr.splitlines() if "error:" in line]
            if status < 0 or status >= 3:
                counts["crashes"] += 1
                print(f"CRASH    {label}: status {status}: {stderr[:200]!r}")
            elif must_fail and status == 0 and not (label.startswith("check") and "FAIL" in run.stdout):
                counts["silent"] += 1
                print(f"SILENT   {label}: exit 0")
            elif status != 0 and errors and not any(LOCATED.search(e) for e in errors):
                counts["unlocated"] += 1
                print(f"UNPLACED {label}: {errors[0][:200]}")
            if FOREIGN.search(stderr) or FOREIGN.search(run.stdout):
                counts["foreign"] += 1
                print(f"FOREIGN  {label}: {stderr[:200]!r}")
            if time.time() - start > args.timeout / 2:
                print(f"slow     {label}: {time.time() - start:.1f} s")
    print("inputs tried: {inputs}, crashes: {crashes}, hangs: {hangs}, silent acceptances: {silent}, "
          "unlocated errors: {unlocated}, Foundation/Codable wording: {foreign}".format(**counts))
    return 1 if any(counts[k] for k in ("crashes", "hangs", "silent", "unlocated", "foreign")) else 0


IMMUNOSIM = []
if __name__ == "__main__":
    sys.exit(main())
