#!/usr/bin/env bash
# Runs test suites one at a time, each with a private temporary folder, and fails if a suite
# leaves anything in it: every test removes what it makes, passing or failing.
# Usage: scripts/check-tmp-leaks.sh FILTER... (each a `swift test --filter` pattern, e.g.
#        FolioChainTests or FoliodRPCTests; build first with `swift build --build-tests`)
#
# The private folder is TMPDIR, which Foundation's temporaryDirectory (and so TemporaryDirectory,
# and every foliod or folio-testnet node a test starts) honours; it keeps other people's runs
# on the same machine out of the count. SwiftPM's own files there are not counted: its
# `TemporaryDirectory.*` scratch folders (`swift test` makes four even when no test makes
# anything), its lock files (`_root_...lock`, the package path with `/` as `_`) and
# `swift-generated-sources`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -eq 0 ]]; then
    echo "usage: scripts/check-tmp-leaks.sh FILTER..." >&2
    exit 2
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/folio-leak-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failed=0
run=0
for filter in "$@"; do
    run=$((run + 1))
    private="$scratch/tmp"
    mkdir "$private"
    log="$scratch/run-$run.log"
    if ! TMPDIR="$private/" swift test --skip-build --filter "$filter" >"$log" 2>&1; then
        echo "check-tmp-leaks: $filter: the tests failed (last lines below); leaks are still counted" >&2
        tail -n 15 "$log" >&2
        failed=1
    fi
    if grep -q "Test run with 0 tests" "$log"; then
        echo "check-tmp-leaks: $filter: no test matched" >&2
        failed=1
    fi
    leftovers=$(find "$private" -mindepth 1 -maxdepth 1 ! -name 'TemporaryDirectory.*' ! -name '_*.lock' \
        ! -name swift-generated-sources -printf '%f\n' | sort)
    if [[ -n $leftovers ]]; then
        count=$(wc -l <<<"$leftovers")
        echo "check-tmp-leaks: $filter left $count entries in the temporary folder:" >&2
        sed 's/-[0-9A-F]\{8\}-[0-9A-F-]\{27\}$/-<uuid>/' <<<"$leftovers" | sort | uniq -c >&2
        failed=1
    else
        echo "check-tmp-leaks: $filter: nothing left"
    fi
    rm -rf "$private"
done
exit "$failed"
