#!/usr/bin/env python3
"""Compare `immunosim fixedpoints` with peer tools (mpbn, pyboolnet) on the BBM models.

Usage: Scripts/peers/logical_peers.py [IMMUNOSIM_BINARY] [BBM_DIRECTORY]
Skips cleanly (exit 0 with a note) when no peer tool is installed. Not part of `swift test`.
BBM files leave some inputs undeclared; like the tests, this script declares them (`X, X`).
"""
import itertools, json, os, re, subprocess, sys, tempfile, time

LIMIT = int(os.environ.get("PEER_LIMIT", "20000"))  # models with more fixed points are compared by count only up to this

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/immunosim")
bbm = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(root), "shared/models/bbm")

peers = {}
try:
    import mpbn  # noqa: F401
    peers["mpbn"] = mpbn
except ImportError:
    pass
try:
    from pyboolnet import file_exchange, trap_spaces  # noqa: F401
    peers["pyboolnet"] = (file_exchange, trap_spaces)
except ImportError:
    pass
if not peers:
    print("no peer tool installed (pip install mpbn / pyboolnet); skipping")
    sys.exit(0)
if not os.path.exists(binary) or not os.path.isdir(bbm):
    print(f"missing {binary} or {bbm}; skipping")
    sys.exit(0)


def completed(text):
    targets, read = set(), []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "," not in line:
            continue
        target, factors = line.split(",", 1)
        target = target.strip()
        if target == "targets":
            continue
        targets.add(target)
        read += [w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", factors) if w.lower() not in ("true", "false")]
    missing = list(dict.fromkeys(w for w in read if w not in targets))
    return text.rstrip("\n") + "\n" + "".join(f"{w}, {w}\n" for w in missing)


failures = 0
for name in sorted(os.listdir(bbm)):
    path = os.path.join(bbm, name, "model.bnet")
    if not os.path.exists(path):
        continue
    with tempfile.NamedTemporaryFile("w", suffix=".bnet", delete=False) as f:
        f.write(completed(open(path).read()))
        fixed = f.name
    start = time.time()
    try:
        out = subprocess.run([binary, "fixedpoints", fixed, "--json", "--limit", str(LIMIT + 1)], capture_output=True,
                             text=True, timeout=300)
    except subprocess.TimeoutExpired:
        print(f"{name}: immunosim timed out (300 s)")
        failures += 1
        continue
    ours_time = time.time() - start
    if out.returncode != 0:
        print(f"{name}: immunosim failed: {out.stderr.strip()}")
        failures += 1
        continue
    data = json.loads(out.stdout)
    ours = {tuple(p) for p in data["fixedpoints"]}
    nodes = data["nodes"]
    line = f"{name}: immunosim {len(ours)} fixed points in {ours_time:.3f}s"
    if len(ours) > LIMIT:
        print(line + f" (more than {LIMIT}: not compared)")
        os.unlink(fixed)
        continue
    if "mpbn" in peers:
        start = time.time()
        model = peers["mpbn"].MPBooleanNetwork(fixed)
        theirs = {tuple(int(fp[n]) for n in nodes) for fp in itertools.islice(model.fixedpoints(), LIMIT + 1)}
        line += f"; mpbn {len(theirs)} in {time.time() - start:.3f}s {'OK' if theirs == ours else 'DIFFER'}"
        failures += theirs != ours
    if "pyboolnet" in peers:
        fe, ts = peers["pyboolnet"]
        start = time.time()
        primes = fe.bnet2primes(fixed)
        theirs = {tuple(int(fp[n]) for n in nodes) for fp in ts.compute_steady_states(primes)}
        # pyboolnet stops at MaxOutput (1000) solutions: then it must return a subset of ours.
        truncated = len(theirs) == 1000 and len(ours) > 1000
        same = theirs <= ours if truncated else theirs == ours
        verdict = ("OK (pyboolnet stops at 1000; all in ours)" if truncated else "OK") if same else "DIFFER"
        line += f"; pyboolnet {len(theirs)} in {time.time() - start:.3f}s {verdict}"
        failures += not same
    print(line)
    os.unlink(fixed)
sys.exit(1 if failures else 0)
