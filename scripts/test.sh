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
if ! swift build --build-tests 2>&1 | tee "$log" | grep -E "error:|Compiling|Build complete" | grep -vE "^\[[0-9]+/[0-9]+\] Compiling" ; then
    :
fi
if grep -q "error:" "$log"; then
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
