#!/usr/bin/env bash
# Runs the reliability scenarios of BENCHMARKS.md through `folio-testnet run` and prints each
# report: R2 (perturbations), R3 (partition and heal, PoA and PoW) and R4 (clock skew).
# Exits non-zero if any scenario fails; the others still run.
# Usage: scripts/reliability.sh [--skip-build]   (env RELIABILITY_DIR: where the runs go)
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [[ ${1:-} != --skip-build ]]; then
    swift build --product foliod >/dev/null && swift build --product folio-testnet >/dev/null || {
        echo "reliability: the build failed" >&2
        exit 2
    }
fi
BIN=$(swift build --show-bin-path)
RUNS=${RELIABILITY_DIR:-$(mktemp -d -t folio-reliability.XXXXXX)}
SCENARIOS=(
    r2-perturbations-poa
    r3-partition-heal-poa
    r3-partition-heal-pow
    r4-clock-skew-poa
)

failed=()
for name in "${SCENARIOS[@]}"; do
    echo "=== $name"
    if ! "$BIN/folio-testnet" run "testnet/scenarios/$name.toml" --dir "$RUNS/$name" --foliod "$BIN/foliod"; then
        failed+=("$name")
    fi
    echo
done

echo "runs and node logs: $RUNS"
if ((${#failed[@]})); then
    echo "reliability: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "reliability: all ${#SCENARIOS[@]} scenarios passed"
