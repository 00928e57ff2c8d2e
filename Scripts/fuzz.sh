#!/usr/bin/env bash
# Builds and runs the libFuzzer entry points under Fuzz/ against the ImmunoGraph sources.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 60 seconds each;
#                                             targets: bnet sbml sif json hypotheses merge)
#
# Each target is compiled with `swiftc -sanitize=fuzzer,address -parse-as-library` together with
# every file of Sources/ImmunoGraph (hypotheses and merge: and of Sources/ImmunoSim, as one
# module), seeded with the hostile corpus (and the BBM models when ../shared is present; for
# hypotheses the Examples/ and fixture files; for merge a screen result written by immunosim
# when it is built), and run for SECONDS. Crashes are written to .build/fuzz/TARGET/crash-*.
# Leak detection is off: FoundationXML leaks its NSError on every malformed document (in
# _CFErrorCreateFromXMLInterface, not in this package), which LeakSanitizer reports at once.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(bnet sbml sif json hypotheses merge); fi
mapfile -t graphSources < <(find Sources/ImmunoGraph -name '*.swift' | sort)
mapfile -t simSources < <(find Sources/ImmunoSim -name '*.swift' | sort)
status=0
for target in "${targets[@]}"; do
    case "$target" in
        bnet) entry=Fuzz/FuzzBnet.swift; ext=bnet ;;
        sbml) entry=Fuzz/FuzzSBML.swift; ext=sbml ;;
        sif) entry=Fuzz/FuzzSIF.swift; ext=sif ;;
        json) entry=Fuzz/FuzzJSON.swift; ext=json ;;
        hypotheses) entry=Fuzz/FuzzHypotheses.swift; ext=json ;;
        merge) entry=Fuzz/FuzzMerge.swift; ext=json ;;
        *) echo "unknown target $target (bnet, sbml, sif, json, hypotheses, merge)" >&2; exit 2 ;;
    esac
    sources=("${graphSources[@]}")
    if [ "$target" = hypotheses ] || [ "$target" = merge ]; then sources+=("${simSources[@]}"); fi
    out=".build/fuzz/$target"
    rm -f "$out/fuzz-$target"
    mkdir -p "$out/corpus"
    echo "== building fuzz-$target"
    if ! swiftc -O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -module-name ImmunoGraph \
        "$entry" "${sources[@]}" -o "$out/fuzz-$target" 2>&1 | grep -v "Cannot export local symbol" \
        | grep -v "is part of module 'ImmunoGraph'; ignoring import" | grep -v "^\s*[0-9]* |" | grep -v "^\s*|" ; then :; fi
    if [ ! -x "$out/fuzz-$target" ]; then echo "!! fuzz-$target did not build" >&2; status=1; continue; fi
    case "$target" in
        hypotheses)
            cp Examples/hypotheses.json "$out/corpus/" 2>/dev/null || true
            grep -l '"hypotheses"' Tests/ImmunoSimTests/Fixtures/*.json 2>/dev/null | xargs -r cp -t "$out/corpus/" || true
            printf '%s' '{"hypotheses": [{"name": "x", "robustnes": {"variants": 5}, "expect": [{"node": "T", "direction": "up"}]}]}' > "$out/corpus/typo.json" ;;
        merge)
            for b in .build/debug/immunosim .build-*/debug/immunosim; do
                if [ -x "$b" ]; then
                    "$b" screen builtin:flagship --readout TIM3 --readout PDL1 --pairs --steps 10 -q -o "$out/corpus/whole.json" || true
                    "$b" screen builtin:flagship --readout TIM3 --pairs --steps 10 -q --shard 2/3 -o "$out/corpus/shard.json" || true
                    break
                fi
            done ;;
        *) cp Tests/ImmunoGraphTests/Resources/hostile/*."$ext" "$out/corpus/" 2>/dev/null || true ;;
    esac
    if [ -d ../shared/models/bbm ] && [ "$target" != hypotheses ] && [ "$target" != merge ]; then
        for m in ../shared/models/bbm/*/; do
            name=$(basename "$m")
            [ -f "$m/model.$ext" ] && [ "$(stat -c %s "$m/model.$ext")" -lt 120000 ] && cp "$m/model.$ext" "$out/corpus/$name.$ext" || true
        done
    fi
    echo "== running fuzz-$target for ${seconds}s"
    if ! (cd "$out" && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 ./"fuzz-$target" -max_total_time="$seconds" -max_len=200000 -timeout=10 -rss_limit_mb=2048 \
        -detect_leaks=0 -print_final_stats=1 corpus 2>&1 | tail -n 25); then
        echo "!! fuzz-$target found a problem; see $out/crash-*" >&2
        status=1
    fi
done
exit $status
