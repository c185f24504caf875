#!/usr/bin/env bash
# Every test removes what it makes in the temporary folder, passing or failing; this checks it.
# Usage: scripts/check-tmp-leaks.sh FILTER...      runs each `swift test --filter FILTER` (e.g.
#                                                  FolioChainTests or FoliodRPCTests) one at a
#                                                  time, each with a private TMPDIR, and fails if
#                                                  one leaves anything there (build first with
#                                                  `swift build --build-tests`)
#        scripts/check-tmp-leaks.sh --left-in DIR  fails if DIR, a TMPDIR tests ran with, holds
#                                                  anything they made (scripts/test.sh uses this)
#
# Foundation's temporaryDirectory (so TemporaryDirectory, and every foliod or folio-testnet node
# a test starts) honours TMPDIR, and a private one keeps other runs on the same machine out of
# the count. SwiftPM's own files there are not counted: its `TemporaryDirectory.*` scratch
# folders (`swift test` makes four even when no test makes anything), its lock files
# (`_root_...lock`, a path with `/` as `_`) and `swift-generated-sources`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Prints what tests left in $1, one line per name pattern with its count; fails if anything.
left_in() {
    local leftovers
    leftovers=$(find "$1" -mindepth 1 -maxdepth 1 ! -name 'TemporaryDirectory.*' ! -name '_*.lock' \
        ! -name swift-generated-sources -printf '%f\n' | sort)
    [[ -z $leftovers ]] && return 0
    echo "check-tmp-leaks: $(wc -l <<<"$leftovers") entries left in the temporary folder:" >&2
    sed 's/-[0-9A-F]\{8\}-[0-9A-F-]\{27\}$/-<uuid>/' <<<"$leftovers" | sort | uniq -c >&2
    return 1
}

if [[ ${1:-} == --left-in ]]; then
    [[ $# -eq 2 && -d $2 ]] || { echo "usage: scripts/check-tmp-leaks.sh --left-in DIR" >&2; exit 2; }
    left_in "$2"
    exit
fi
if [[ $# -eq 0 ]]; then
    echo "usage: scripts/check-tmp-leaks.sh FILTER... | --left-in DIR" >&2
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
    if left_in "$private"; then
        echo "check-tmp-leaks: $filter: nothing left"
    else
        echo "check-tmp-leaks: $filter left the entries above" >&2
        failed=1
    fi
    rm -rf "$private"
done
exit "$failed"
