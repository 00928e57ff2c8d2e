#!/bin/sh
# The full robustness sweep of the claims of builtin:tme (issue 14, item 5): every claim under
# every semantics in N variants with weights, rates, basal levels and thresholds jittered ±30 %.
# Prints one line per claim and semantics: "robustness: ID SEMANTICS HOLDING/N effect E nominal holds|fails".
# With --sensitivity, also one line per graded claim that fails in some variant: "sensitivity: ID
# SEMANTICS param rho; ..." — the five jittered parameters its effect correlates with most (Spearman).
# Exits 1 when a (claim, semantics) pair misses the bar (90 % of the variants; a nominal effect of
# at least twice the tolerance) without being listed, with its reason, in ClaimRobustnessTests —
# or when a listed pair now meets it (the lists only shrink), or when a claim holds on the nominal
# model under a semantics ClaimCatalog does not run it under ("excluded:" lines). CI runs it.
# Usage: Scripts/claim-robustness.sh [--model FILE] [--semantics LIST] [--claims IDS] [--stochastic N] [--sensitivity]
#        [--hill2-logic LOGIC] [--reading final|average] [N]
#   N             graded variants per semantics (default 200)
#   --stochastic  stochastic variants (default min(N, 20); each runs 4000 trajectories per arm)
#   --semantics   comma-separated subset of multilinear,hill2,stochastic (default all)
#   --claims      comma-separated claim ids (default all), e.g. C043b,C049
#   --model FILE  sweep a candidate JSON model instead of the embedded builtin:tme
#   --sensitivity name the parameters each failing claim's margin hinges on
#   --hill2-logic hillcube  a stress test: under hill2, pass every input of an explicit rule
#                 through its edge's Hill function too (by default rules read their inputs as
#                 they are, by the multilinear extension, and only signed edges are steepened)
#   --reading average  read each graded arm as its mean over steps 200-400 instead of its level at
#                 step 200 (for a logic whose arms oscillate, such as hillcube)
# The release build lives in .build-robustness of this package (SCRATCH overrides it).
set -e
cd "$(dirname "$0")/.."
N=200
while [ $# -gt 0 ]; do
    case "$1" in
        --model) IMMUNOSIM_CLAIM_MODEL="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; export IMMUNOSIM_CLAIM_MODEL; shift 2 ;;
        --semantics) IMMUNOSIM_CLAIM_SEMANTICS="$2"; export IMMUNOSIM_CLAIM_SEMANTICS; shift 2 ;;
        --claims) IMMUNOSIM_CLAIM_IDS="$2"; export IMMUNOSIM_CLAIM_IDS; shift 2 ;;
        --stochastic) IMMUNOSIM_CLAIM_STOCHASTIC_VARIANTS="$2"; export IMMUNOSIM_CLAIM_STOCHASTIC_VARIANTS; shift 2 ;;
        --sensitivity) IMMUNOSIM_CLAIM_SENSITIVITY=1; export IMMUNOSIM_CLAIM_SENSITIVITY; shift ;;
        --hill2-logic)
            case "$2" in multilinear|hillcube|minmax) ;; *) echo "claim-robustness.sh: --hill2-logic expects multilinear, hillcube or minmax, got '$2'" >&2; exit 2 ;; esac
            IMMUNOSIM_CLAIM_HILL2_LOGIC="$2"; export IMMUNOSIM_CLAIM_HILL2_LOGIC; shift 2 ;;
        --reading)
            case "$2" in final|average) ;; *) echo "claim-robustness.sh: --reading expects final or average, got '$2'" >&2; exit 2 ;; esac
            IMMUNOSIM_CLAIM_READING="$2"; export IMMUNOSIM_CLAIM_READING; shift 2 ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) N="$1"; shift ;;
    esac
done
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
STATUS=0
IMMUNOSIM_CLAIM_VARIANTS="$N" swift test -c release --scratch-path "${SCRATCH:-.build-robustness}" \
    --filter ClaimRobustnessTests > "$LOG" 2>&1 || STATUS=$?
grep -E "^robustness:|^sensitivity:|^excluded:|✘|passed after|failed after|error:" "$LOG" | sort
# A pair below the bar that is not listed in ClaimRobustnessTests (or a listed one that now meets
# it) fails the sweep: exit status 1.
exit "$STATUS"
