#!/bin/sh
# Cross-checks immunosim's symbolic analyses on the full Biodivine Boolean Models corpus (285
# models), not only the 23 in ../shared/models/bbm: extracts every models/*/model.bnet of a clone
# of github.com/sybila/biodivine-boolean-models into short-named folders in a temporary directory
# (outside the project; the models are never copied into it) and runs symbolic_peers.py on them.
#
# Usage: Scripts/peers/bbm_corpus.sh [--corpus PATH] [symbolic_peers.py options...]
#   --corpus PATH   a clone (or bare repository / snapshot git directory) of the corpus; without it
#                   the corpus is cloned from GitHub, and the script skips cleanly when that fails.
# Example: Scripts/peers/bbm_corpus.sh --corpus ~/biodivine-boolean-models --attractors-only --timeout 10
# Last run (2026-12-06, 284 models with a bnet, AEON 1.4.2, 10 s each): 173 models finished by
# both with equal attractor counts, 0 mismatches, 21 by immunosim only, 1 by AEON only.
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
CORPUS=""
if [ "$1" = "--corpus" ]; then CORPUS="$2"; shift 2; fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT INT TERM
if [ -z "$CORPUS" ]; then
    if ! git clone -q --depth 1 https://github.com/sybila/biodivine-boolean-models "$WORK/clone" 2>/dev/null; then
        echo "SKIP: no --corpus given and the corpus could not be cloned"; exit 0
    fi
    CORPUS="$WORK/clone"
fi
git -C "$CORPUS" rev-parse --git-dir >/dev/null 2>&1 || { echo "SKIP: $CORPUS is not a git repository"; exit 0; }
mkdir -p "$WORK/models"
git -C "$CORPUS" ls-tree -r --name-only HEAD | grep '/model\.bnet$' | while read -r path; do
    # models/[id-093]__[var-51]__[in-15]__[NAME]/model.bnet -> 093-NAME
    name="$(dirname "$path" | sed 's/.*\[id-\([0-9]*\)\]__\[var-[0-9]*\]__\[in-[0-9]*\]__\[\(.*\)\]/\1-\2/')"
    mkdir -p "$WORK/models/$name"
    git -C "$CORPUS" show "HEAD:$path" > "$WORK/models/$name/model.bnet" 2>/dev/null || rm -rf "$WORK/models/$name"
done
echo "$(ls "$WORK/models" | wc -l) models extracted from $CORPUS" >&2
python3 "$HERE/symbolic_peers.py" "$@" "$WORK"/models/*/
