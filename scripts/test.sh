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

# The suites that run many real nodes on loopback (each its own processes or services, with
# peer-to-peer timers) run one at a time after the rest: beside every other suite on two cores
# they starve each other and their generous deadlines pass. Everything else runs in parallel.
networked='P2PServiceTests|P2PServiceFilterTests|PeerDiscoveryTests|DiscouragementPersistenceTests|ConnectionFloodTests|LowWorkHeaderSpamTests|ByzantineBlockTests|HonestPeerStallTests|EclipseTests|TestnetPartitionTests|TestnetScenarioTests|TestnetNamespaceTests|HostilePeerTests|FoliodDescriptorLimitTests'
if [[ $# -gt 0 ]]; then
    echo "test: running swift test $*"
    swift test "$@"
else
    # Each pass has a deadline far above its usual time (under a minute and about four minutes
    # here), so a stuck test fails the run naming itself rather than eating CI's whole limit.
    # Both run with a private temporary folder: every test removes what it makes, passing or
    # failing, and anything left there fails the run (scripts/check-tmp-leaks.sh).
    test_tmp=$(mktemp -d)
    trap 'rm -f "$log"; rm -rf "$test_tmp"' EXIT
    echo "test: running swift test (all suites but the networked ones, in parallel)"
    scripts/with-deadline.sh 1200 -- env TMPDIR="$test_tmp/" swift test --skip-build --skip "$networked"
    echo "test: running the networked suites one at a time"
    scripts/with-deadline.sh 1500 -- env TMPDIR="$test_tmp/" swift test --skip-build --no-parallel --filter "$networked"
    scripts/check-tmp-leaks.sh --left-in "$test_tmp"
fi
