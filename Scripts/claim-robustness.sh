#!/bin/sh
# The full robustness sweep of the claims of builtin:tme (issue 14, item 5): every claim under
# every semantics in N variants with weights, rates, basal levels and thresholds jittered ±30 %.
# Prints one line per claim and semantics: "robustness: ID SEMANTICS HOLDING/N effect E nominal holds|fails".
# Usage: Scripts/claim-robustness.sh [N]   (default 200; release build in .build-robustness)
set -e
cd "$(dirname "$0")/.."
N="${1:-200}"
IMMUNOSIM_CLAIM_VARIANTS="$N" swift test -c release --scratch-path .build-robustness \
    --filter ClaimRobustnessTests 2>&1 | grep -E "^robustness:|✘|passed after|failed after" | sort
