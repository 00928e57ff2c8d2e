#!/usr/bin/env python3
"""Attractors reached from one initial state: immunosim against AEON (biodivine_aeon 1.4).

The issue's first test ("`attractors --update async` refuses 093 even from one initial state";
AEON 0.02 s on 093, 0.15 s on 195). Every undefined name is made an input variable (`x, x`) for
AEON, so that, as in immunosim, it is a node the initial state fixes (all nodes start at 0, the
default for a bnet file). For each model: the number of attractors, the ON nodes of each, and the
times of both tools. Skips cleanly when biodivine_aeon is not installed.

Usage: Scripts/peers/aeon_initial.py [--immunosim PATH] [--timeout S] MODEL.bnet...
Last run (2026-12-07, release build, the 23 models of ../shared/models/bbm): every answer equal
(20 fixed points with the same ON nodes, 3 cycles of equal sizes 237,600 / 4 / 16); 093 ours 0.02 s
wall incl. start-up (AEON 0.02 s), 195 the same 24 ON nodes (ours 0.30-0.55 s, AEON 0.70-0.86 s),
258 ours 0.05 s (AEON > 60 s); the others 0.02-0.8 s each for both.
"""
import argparse, os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from symbolic_peers import with_timeout  # noqa: E402  (the child-process timeout the peers share)

def aeon_attractors(path):
    """(ON nodes of one state per attractor, attractor sizes, seconds after parsing)."""
    import biodivine_aeon as aeon
    rules = {}
    for line in open(path):
        line = line.strip()
        if not line or line.startswith('#') or line.startswith('targets'):
            continue
        target, rule = line.split(',', 1)
        rules[target.strip()] = rule.strip()
    for rule in list(rules.values()):
        for name in re.findall(r'[A-Za-z_][A-Za-z0-9_]*', rule):
            rules.setdefault(name, name)
    text = 'targets, factors\n' + '\n'.join(f'{t}, {f}' for t, f in rules.items()) + '\n'
    network = aeon.BooleanNetwork.from_bnet(text, repair_graph=True)
    start = time.time()
    graph = aeon.AsynchronousGraph(network)
    initial = graph.mk_subspace({name: False for name in network.variable_names()})
    attractors = aeon.Attractors.attractors(graph, aeon.Reachability.reach_fwd(graph, initial))
    found = []
    for attractor in attractors:
        for vertex in attractor.vertices():
            found.append(sorted(k for k, b in dict(vertex.to_named_dict()).items() if b))
            break
    return found, [a.cardinality() for a in attractors], time.time() - start

def ours(binary, path, timeout):
    start = time.time()
    try:
        out = subprocess.run([binary, 'attractors', path, '--update', 'async'], capture_output=True, text=True,
                             timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return (None, None), timeout
    lines = out.splitlines()
    # "#k: fixed point..." followed by its ON nodes (a cycle lists its states; we compare fixed points).
    # ("-" stands for no node on.)
    found = [sorted(n for n in lines[i + 1].split() if n != '-') if i + 1 < len(lines) and lines[i + 1].startswith('  ') else []
             for i, line in enumerate(lines) if line.startswith('#')]
    sizes = [int(m.group(1)) if (m := re.search(r'cycle of length (\d+)', line)) else 1
             for line in lines if line.startswith('#')]
    return (found, sizes), time.time() - start

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--immunosim', default='.build/release/immunosim')
    parser.add_argument('--timeout', type=float, default=60)
    parser.add_argument('models', nargs='+')
    options = parser.parse_args()
    try:
        import biodivine_aeon  # noqa: F401
    except ImportError:
        print('SKIP: biodivine_aeon is not installed (pip install biodivine-aeon)')
        return 0
    mismatches = 0
    for path in options.models:
        (mine, my_sizes), my_time = ours(options.immunosim, path, options.timeout)
        answer, _ = with_timeout(lambda: aeon_attractors(path), options.timeout)
        theirs, sizes, their_time = answer if answer is not None else (None, None, None)
        mine_text = 'timeout' if mine is None else f'{len(mine)} ({my_time:.2f} s)'
        theirs_text = 'timeout' if theirs is None else f'{len(theirs)} sizes {sizes} ({their_time:.2f} s)'
        verdict = ''
        if mine is not None and theirs is not None and all(s == 1 for s in sizes):
            same = sorted(map(tuple, mine)) == sorted(map(tuple, theirs))
            verdict = 'equal fixed points' if same else 'MISMATCH'
            mismatches += 0 if same else 1
        elif mine is not None and theirs is not None:
            same = sorted(my_sizes) == sorted(sizes)
            verdict = f'equal sizes {sorted(my_sizes)}' if same else f'MISMATCH (ours {sorted(my_sizes)})'
            mismatches += 0 if same else 1
        print(f'{path}: ours {mine_text}; AEON {theirs_text} {verdict}')
    return 1 if mismatches else 0

if __name__ == '__main__':
    sys.exit(main())
