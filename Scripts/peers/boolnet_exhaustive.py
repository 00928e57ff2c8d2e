#!/usr/bin/env python3
"""Exhaustive synchronous attractors: `immunosim attractors --exhaustive` against R BoolNet.

Writes a seeded random network (N nodes, 3 inputs each, random truth tables) as bnet, runs
BoolNet's getAttractors(type="synchronous", method="exhaustive") and ours on the same file, and
compares the attractors (length, basin size) and the wall times. Skips cleanly (exit 0) when
Rscript or BoolNet is missing (apt-get install r-cran-boolnet). Not part of `swift test`.

Usage: Scripts/peers/boolnet_exhaustive.py [IMMUNOSIM_BINARY] [NODES] [SEED]
"""
import json, os, random, shutil, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/immunosim")
nodes = int(sys.argv[2]) if len(sys.argv) > 2 else 25
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 25
if not shutil.which("Rscript"):
    print("Rscript not installed (apt-get install r-cran-boolnet); skipping")
    sys.exit(0)
if not os.path.exists(binary):
    print(f"missing {binary}; build it with swift build -c release; skipping")
    sys.exit(0)

random.seed(seed)
lines = ["targets, factors"]
for i in range(nodes):
    inputs = random.sample(range(nodes), 3)
    table = [random.random() < 0.5 for _ in range(8)]
    if not any(table):
        table[0] = True
    if all(table):
        table[7] = False
    terms = []
    for k in range(8):
        if table[k]:
            literals = [("" if (k >> b) & 1 else "!") + f"x{inputs[b]}" for b in range(3)]
            terms.append("(" + " & ".join(literals) + ")")
    lines.append(f"x{i}, " + " | ".join(terms))
work = tempfile.mkdtemp()
model = os.path.join(work, "random.bnet")
with open(model, "w") as f:
    f.write("\n".join(lines) + "\n")

script = f"""
suppressMessages(library(BoolNet))
net <- loadNetwork("{model}")
t <- system.time(a <- getAttractors(net, type="synchronous", method="exhaustive"))
for (x in a$attractors) cat(ncol(x$involvedStates), x$basinSize, "\\n")
cat("elapsed", t[["elapsed"]], "\\n")
"""
run = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True)
if run.returncode != 0:
    print("BoolNet not available (" + run.stderr.strip().splitlines()[-1] + "); skipping")
    sys.exit(0)
theirs, boolnet_time = [], None
for line in run.stdout.splitlines():
    words = line.split()
    if words and words[0] == "elapsed":
        boolnet_time = float(words[1])
    elif len(words) == 2:
        theirs.append((int(words[0]), int(words[1])))

start = time.time()
ours_run = subprocess.run([binary, "attractors", model, "--exhaustive", "--json"], capture_output=True, text=True)
ours_time = time.time() - start
if ours_run.returncode != 0:
    print("immunosim failed: " + ours_run.stderr.strip())
    sys.exit(1)
ours = [(a["length"], a["basin"]) for a in json.loads(ours_run.stdout)["attractors"]]
same = sorted(ours) == sorted(theirs)
print(f"{nodes} nodes, seed {seed}: {len(ours)} attractors, same as BoolNet: {'yes' if same else 'NO'}")
print(f"BoolNet getAttractors {boolnet_time:.2f} s; immunosim (whole command) {ours_time:.2f} s; "
      f"{boolnet_time / ours_time:.1f}x")
sys.exit(0 if same else 1)
