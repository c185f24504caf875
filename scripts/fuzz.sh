#!/usr/bin/env bash
# R9 of BENCHMARKS.md: runs every libFuzzer target on its committed seed corpus for
# ${FUZZ_SECONDS:-60} seconds each (wire frames and messages, the licence parser and VM, the
# keystore reader). Exits non-zero if any target crashes or fails to build; the crashing input
# is left in the current directory as crash-<hash> (libFuzzer's name for it).
# Usage: scripts/fuzz.sh   (FUZZ_SECONDS=10 scripts/fuzz.sh for a quick pass)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build
for target in wire licence keystore; do
    echo "fuzz: $target (${FUZZ_SECONDS:-60} s per target)"
    if ! bash "fuzz/$target/run.sh" > ".build/fuzz-$target.log" 2>&1; then
        tail -40 ".build/fuzz-$target.log" >&2
        echo "fuzz: $target FAILED; full log in .build/fuzz-$target.log" >&2
        exit 1
    fi
    grep -E "no crash in|Done [0-9]+ runs" ".build/fuzz-$target.log" || true
done
echo "fuzz: every target ran without a crash"
