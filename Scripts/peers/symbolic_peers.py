#!/usr/bin/env python3
"""Cross-check immunosim's symbolic analyses against peers, with times side by side.

For every BBM model in ../shared/models/bbm (or the folders given): minimal trap spaces from
`immunosim trapspaces --json` vs mpbn and pyboolnet (as sets of strings over our node order), and
asynchronous attractor counts from `immunosim attractors --update async --exhaustive --json` vs
biodivine-aeon. Each peer is skipped cleanly when not installed; every run has a timeout.

Conventions, reconciled (checked on the BBM models):
- immunosim and pyboolnet: a name read but never defined is an input (`x = x`); minimal trap spaces
  fix every input, so there is one per (input valuation, minimal trap space). Compared as sets.
- mpbn 4.4 leaves a name with no line out of its nodes, and its ASP encoding then gives it neither
  value (its answers are neither ours nor a projection of ours: 014 gives 26 against our 318).
  Declared as `x, x` inputs (a temporary copy of the file), mpbn agrees with us exactly (checked on
  014, 024, 040, 062), so that copy is what mpbn is given.
- AEON 1.4 (biodivine_aeon) makes each undefined name a *parameter*: its attractors are coloured
  sets, each holding one attractor per parameter valuation (colour) it covers. Its count comparable
  to ours is the sum of the colour counts (shown first; the number of coloured sets in brackets).
  Files whose declared regulations disagree with the functions are read with repair_graph=True.
- Our counts are exact even when too many to list (JSON "count").

Usage: symbolic_peers.py [--immunosim PATH] [--timeout S] [--limit N] [--valuations K] [--maximal]
                         [--attractors-only | --skip-attractors] [MODEL_DIR ...]
--maximal compares maximal trap spaces with pyboolnet's. When our listing stops at --limit (the
search lists input valuation by input valuation; our count is then unknown, shown as ≥N), K of its
input valuations are compared with mpbn's minimal trap spaces under the same input values.
With --limit N the peers stop after N trap spaces (mpbn and pyboolnet can only enumerate; a model
with 2^55 minimal trap spaces never finishes otherwise); our count stays exact.
"""
import argparse, glob, json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BBM = os.path.join(os.path.dirname(ROOT), "shared", "models", "bbm")


def ours(binary, args, timeout):
    start = time.time()
    try:
        out = subprocess.run([binary] + args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f">{timeout}s"
    if out.returncode != 0:
        return None, "error: " + out.stderr.strip().splitlines()[-1][:60]
    return json.loads(out.stdout), f"{time.time() - start:.2f}s"


def with_timeout(function, timeout):
    """Runs function() in a child process (peers can hang); returns (value, time text)."""
    import multiprocessing as mp
    queue = mp.Queue()
    def target():
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1); os.dup2(devnull, 2)  # peers log progress; keep the table readable
        try:
            start = time.time(); value = function(); queue.put((value, f"{time.time() - start:.2f}s"))
        except Exception as error:  # a peer failing is reported, not fatal
            queue.put((None, "error: " + str(error)[:60]))
    import queue as queues
    process = mp.Process(target=target); process.start()
    start = time.time()
    # Read before joining: a child holding a large answer in the queue's pipe cannot exit until it
    # is read, so joining first would report every long answer as a timeout.
    try:
        answer = queue.get(timeout=timeout)
    except queues.Empty:
        answer = None
    process.join(1)
    if process.is_alive():
        process.terminate(); process.join()
    if answer is None:
        return None, (f">{timeout}s" if time.time() - start >= timeout else "crashed")
    return answer


def per_valuation(mpbn, path, nodes, listed, most, as_text):
    """(valuations checked, valuations equal, time): our listed minimal trap spaces grouped by their
    input values, each complete group (not the last) against mpbn's under the same input values."""
    import tempfile
    start = time.time()
    network = mpbn.MPBooleanNetwork(path)
    missing = [n for n in nodes if n not in network]
    copy = tempfile.NamedTemporaryFile("w", suffix=".bnet", delete=False)
    copy.write(open(path).read().rstrip("\n") + "\n" + "".join(f"{n}, {n}\n" for n in missing))
    copy.close()
    network = mpbn.MPBooleanNetwork(copy.name)
    inputs = [n for n in nodes if str(network[n]) == n]
    groups = {}
    for space in listed:
        groups.setdefault(tuple(space[nodes.index(n)] for n in inputs), set()).add(space)
    keys = list(groups)[:-1][:most]
    same = 0
    for key in keys:
        constraints = {n: int(v) for n, v in zip(inputs, key)}
        theirs = {as_text(dict(a), nodes) for a in network.attractors(constraints=constraints)}
        same += theirs == groups[key]
    return len(keys), same, f"{time.time() - start:.2f}s"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--immunosim", default=os.path.join(ROOT, ".build", "release", "immunosim"))  # or .build-NAME-rel/release/immunosim
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--attractors-only", action="store_true",
                        help="skip the trap-space peers (mpbn, pyboolnet): attractor counts and times against AEON only")
    parser.add_argument("--limit", type=int, default=0,
                        help="list at most N minimal trap spaces (ours --limit, mpbn limit, pyboolnet max_output); "
                             "sets are compared only when every tool listed all of them")
    parser.add_argument("--skip-attractors", action="store_true", help="trap spaces only (no attractor columns)")
    parser.add_argument("--maximal", action="store_true",
                        help="maximal trap spaces instead of minimal ones, against pyboolnet (mpbn has none); implies --skip-attractors")
    parser.add_argument("--valuations", type=int, default=20,
                        help="when our listing stops at --limit, check this many of its input valuations against mpbn's "
                             "minimal trap spaces under the same input values (sets compared per valuation)")
    parser.add_argument("models", nargs="*")
    options = parser.parse_args()
    if not os.path.exists(options.immunosim):
        print(f"SKIP: {options.immunosim} not built (swift build -c release)"); return 0
    folders = options.models or sorted(glob.glob(os.path.join(BBM, "*")))
    if not folders:
        print(f"SKIP: no models in {BBM}"); return 0
    try: import mpbn
    except ImportError: mpbn = None
    try:
        from pyboolnet.file_exchange import bnet2primes
        from pyboolnet.trap_spaces import compute_trap_spaces
    except ImportError: bnet2primes = None
    if options.attractors_only: mpbn = bnet2primes = None
    if options.maximal: mpbn = None; options.skip_attractors = True
    kind_args = ["--maximal"] if options.maximal else []
    try: import biodivine_aeon as aeon
    except ImportError: aeon = None
    kind_name = "max" if options.maximal else "min"
    print(f"| model | nodes | {kind_name} trap spaces ours (t) | mpbn, inputs declared (t) | pyboolnet (t) | async attractors ours (t) | AEON colour sum [sets] (t) |")
    print("|---|---|---|---|---|---|---|")
    mismatches = 0
    for folder in folders:
        path = os.path.join(folder, "model.bnet")
        name = os.path.basename(folder.rstrip("/"))[:40]
        limit_args = ["--limit", str(options.limit)] if options.limit else []
        if options.attractors_only:  # no trap-space listing to time (it could take the whole timeout)
            mine, mine_t = None, "skipped"
        else:
            mine, mine_t = ours(options.immunosim, ["trapspaces", path, "--json"] + kind_args + limit_args, options.timeout)
        nodes = mine["nodes"] if mine else None
        complete = mine is not None and not mine.get("truncated", False)
        ours_set = set(mine["trapSpaces"]) if complete else None
        def as_text(space, over):
            return "".join("-" if n not in space or space[n] in ("*", -1) else str(int(space[n])) for n in over)
        def compare(value, projected_onto=None):
            if value is None or ours_set is None: return ""
            if options.limit and len(value) >= options.limit: return " (first)"
            if projected_onto is None:
                same = {as_text(a, nodes) for a in value} == ours_set
            else:
                keep = [nodes.index(n) for n in projected_onto]
                same = {as_text(a, projected_onto) for a in value} == {"".join(s[k] for k in keep) for s in ours_set}
            return " =" if same else " ≠"
        # Our count is null when the search listed the first --limit without knowing the total.
        count = (int(mine["count"]) if mine["count"] is not None else f"≥{len(mine['trapSpaces'])}") if mine else None
        cells = [f"{count if mine else '—'}{' (first ' + str(len(mine['trapSpaces'])) + ' listed)' if mine and mine.get('truncated') else ''} ({mine_t})"]
        if mpbn:
            def mpbn_spaces():
                import tempfile
                declared = path
                if nodes:
                    missing = [n for n in nodes if n not in mpbn.MPBooleanNetwork(path)]
                    if missing:
                        copy = tempfile.NamedTemporaryFile("w", suffix=".bnet", delete=False)
                        copy.write(open(path).read().rstrip("\n") + "\n" + "".join(f"{n}, {n}\n" for n in missing))
                        copy.close()
                        declared = copy.name
                network = mpbn.MPBooleanNetwork(declared)
                return sorted(network.keys()), [dict(a) for a in network.attractors(limit=options.limit)]
            value, t = with_timeout(mpbn_spaces, options.timeout)
            ok = compare(value[1]) if value else ""
            mismatches += ok == " ≠"
            cell = f"{len(value[1]) if value is not None else '—'}{ok} ({t})"
            if mine and mine["count"] is None and options.valuations:
                # Our first --limit spaces come valuation by valuation (all of one input valuation
                # before the next): compare each complete group with mpbn's minimal trap spaces
                # under the same input values (the last group may be cut by the limit: skipped).
                result, check_t = with_timeout(lambda: per_valuation(mpbn, path, nodes, mine["trapSpaces"], options.valuations, as_text),
                                               options.timeout)
                if result is not None:
                    checked, same, _ = result
                    mismatches += checked - same
                    cell += f"; {same}/{checked} input valuations = ({check_t})"
                else:
                    cell += f"; input valuations not checked ({check_t})"
            cells.append(cell)
        else: cells.append("skipped" if options.attractors_only else "no maximal" if options.maximal else "not installed")
        if bnet2primes:
            kind = "max" if options.maximal else "min"
            value, t = with_timeout(lambda: compute_trap_spaces(bnet2primes(path), kind, max_output=options.limit or 10**7), options.timeout)
            ok = compare(value)
            mismatches += ok == " ≠"
            cells.append(f"{len(value) if value is not None else '—'}{ok} ({t})")
        else: cells.append("skipped" if options.attractors_only else "not installed")
        if options.skip_attractors:
            print(f"| {name} | {len(nodes) if nodes else '?'} | " + " | ".join(cells) + " | | |", flush=True)
            continue
        # Counted, not listed: AEON counts too (listing 026's 237,600 attractor states would time JSON).
        att, att_t = ours(options.immunosim, ["attractors", path, "--update", "async", "--exhaustive", "--count", "--json"], options.timeout)
        our_attractors = None if att is None else int(att["count"] if "count" in att else len(att["attractors"]))
        cells.append(f"{our_attractors if att else '—'} ({att_t})")
        if aeon:
            def aeon_count():
                try: network = aeon.BooleanNetwork.from_file(path)
                except Exception: network = aeon.BooleanNetwork.from_file(path, repair_graph=True)
                try: graph = aeon.AsynchronousGraph(network)
                except Exception: graph = aeon.AsynchronousGraph(aeon.BooleanNetwork.from_file(path, repair_graph=True))
                sets = aeon.Attractors.attractors(graph)
                return sum(int(a.colors().cardinality()) for a in sets), len(sets)
            value, t = with_timeout(aeon_count, options.timeout)
            ok = "" if value is None or our_attractors is None else (" =" if value[0] == our_attractors else " ≠")
            mismatches += ok == " ≠"
            cells.append(f"{value[0] if value is not None else '—'}{ok} [{value[1] if value else '—'} sets] ({t})")
        else: cells.append("not installed")
        print(f"| {name} | {len(nodes) if nodes else '?'} | " + " | ".join(cells) + " |", flush=True)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
