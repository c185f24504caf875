#!/usr/bin/env bash
# Issue 4's consensus figures on real foliod processes (a release build):
#   B12 (BENCHMARKS.md): a 5-authority PoA testnet; the share of blocks sealed in turn with all
#       up (target ≥ 99%), then the wait for the next block with the in-turn authority killed
#       (target ≤ period + N × 500 ms), through `folio-testnet authority-bench`.
#   Miner stop: a 3-node PoW testnet (two miners) mines for a while; each node logs how long
#       its miner took to stop after a peer's block became the tip ('sealing stopped for a new
#       tip' stop_ms), and after SIGTERM ('block production stopped' stop_ms). Target: 50 ms.
# Usage: scripts/bench-consensus.sh [b12-blocks] [b12-kills] [pow-seconds]
set -euo pipefail

BLOCKS="${1:-200}"
KILLS="${2:-5}"
POW_SECONDS="${3:-60}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="${FOLIO_RELEASE_SCRATCH:-/tmp/folio-release}"
WORK="$(mktemp -d /tmp/folio-bench-consensus.XXXXXX)"
die() { echo "bench-consensus.sh: $*" >&2; exit 1; }

echo "building release (scratch $SCRATCH)..." >&2
(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product foliod >/dev/null \
    && swift build -c release --scratch-path "$SCRATCH" --product folio-testnet >/dev/null) || die "release build failed"
TESTNET="$SCRATCH/release/folio-testnet"
cleanup() {
    "$TESTNET" down --dir "$WORK/poa" >/dev/null 2>&1 || true
    "$TESTNET" down --dir "$WORK/pow" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== B12: 5 authorities, period 1 s ==" >&2
"$TESTNET" up --nodes 5 --engine poa --dir "$WORK/poa" --base-port 19300 >/dev/null
set +e
"$TESTNET" authority-bench --dir "$WORK/poa" --blocks "$BLOCKS" --kills "$KILLS" --json
b12=$?
set -e
"$TESTNET" down --dir "$WORK/poa" >/dev/null

echo "== miner stop: 3 PoW nodes, $POW_SECONDS s ==" >&2
"$TESTNET" up --nodes 3 --engine pow --dir "$WORK/pow" --base-port 19350 >/dev/null
sleep "$POW_SECONDS"
"$TESTNET" down --dir "$WORK/pow" >/dev/null
python3 - "$WORK/pow" <<'PY'
import glob, re, sys
tip, shutdown = [], []
for path in glob.glob(sys.argv[1] + "/node-*/foliod.log"):
    for line in open(path, errors="replace"):
        match = re.search(r"stop_ms=([0-9.]+)", line)
        if not match:
            continue
        (tip if "sealing stopped for a new tip" in line else shutdown if "block production stopped" in line else []).append(float(match.group(1)))
def summary(name, values):
    if not values:
        print(f"{name}: no stops logged")
        return True
    values.sort()
    p95 = values[max(int(0.95 * len(values) + 0.999999) - 1, 0)]
    print(f"{name}: {len(values)} stops, median {values[len(values) // 2]:.2f} ms, p95 {p95:.2f} ms, max {values[-1]:.2f} ms (target 50 ms)")
    return values[-1] <= 50
ok = summary("miner stop on a new tip", tip) and summary("miner stop on shutdown", shutdown)
print("miner stop: met" if ok else "miner stop: NOT met")
PY
rm -rf "$WORK"
exit "$b12"
