#!/usr/bin/env bash
# Writes the example SVG figures (time course, dose response, schedule, heatmaps, network) to ./out/.
# Usage: Scripts/render-svg-demo.sh [output-directory]
# With chromium installed, also screenshots each figure to PNG for a quick look:
#   SVG_DEMO_PNG=1 Scripts/render-svg-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$PWD/out}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
SVG_DEMO_DIR="$out" swift test --filter SVGDemo
if [[ "${SVG_DEMO_PNG:-0}" == 1 ]] && command -v chromium >/dev/null; then
    for svg in "$out"/*.svg; do
        chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,700 \
            --screenshot="${svg%.svg}.png" "file://$svg" >/dev/null 2>&1
    done
fi
ls -1 "$out"
