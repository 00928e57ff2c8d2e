#!/usr/bin/env bash
# Builds the DocC documentation of ImmunoGraph and ImmunoSim without any plugin:
# `swift package dump-symbol-graph` + `docc convert`, with --analyze --warnings-as-errors so a
# broken symbol link fails the build. Output: .build/docs/<Module>/ (a static site archive).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
# dump-symbol-graph loads every module of the package, the generated test modules included, so
# build the tests first (a no-op when `swift test` already ran in this scratch path).
swift build --scratch-path "$scratch" --build-tests >/dev/null
swift package --scratch-path "$scratch" dump-symbol-graph --minimum-access-level public >/dev/null
graphs=$(find "$scratch" -type d -name symbolgraph | head -n 1)
[ -n "$graphs" ] || { echo "no symbol graphs found under $scratch" >&2; exit 1; }
status=0
for module in ImmunoGraph ImmunoSim; do
  dir="$scratch/docs-symbols/$module"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$graphs/$module".symbols.json "$dir/"
  cp "$graphs/$module"@*.symbols.json "$dir/" 2>/dev/null || true
  mkdir -p "$scratch/docs"
  echo "== docc convert $module"
  if ! docc convert "Sources/$module/$module.docc" \
      --additional-symbol-graph-dir "$dir" \
      --fallback-display-name "$module" \
      --fallback-bundle-identifier "org.immunograph.$module" \
      --output-path "$scratch/docs/$module" \
      --analyze --warnings-as-errors; then
    status=1
  fi
done
exit $status
