#!/usr/bin/env bash
# Runs everything CI runs: system set-up, the layer check, a warning-free build, every test.
# Usage: scripts/test.sh [extra swift test arguments, e.g. --filter FolioCryptoTests]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/check-deps-selftest.sh
scripts/check-deps.sh

echo "test: building (debug, with tests)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Progress every 100 build steps, every error and warning in full; the whole log stays in $log.
set +e
swift build --build-tests 2>&1 | tee "$log" | awk '
    /error:|warning:|Build complete|Fetching|Computing/ { print; next }
    match($0, /^\[[0-9]+\//) {
        step = substr($0, 2, RLENGTH - 2) + 0
        if (int(step / 100) > int(shown / 100)) { print; shown = step }
    }'
status=${PIPESTATUS[0]}
set -e
if [[ $status -ne 0 ]] || grep -q "error:" "$log"; then
    echo "test: build failed" >&2
    exit 1
fi
# Dependencies' warnings are theirs; Folio's own code must build clean.
own_warnings=$(grep -E "^$PWD/(Sources|Tests)/.*warning:" "$log" | sort -u || true)
if [[ -n $own_warnings ]]; then
    echo "$own_warnings" >&2
    echo "test: Folio's own code has compiler warnings (above); fix them" >&2
    exit 1
fi

echo "test: running swift test"
swift test "$@"
