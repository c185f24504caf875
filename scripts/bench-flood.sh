#!/usr/bin/env bash
# R7 (BENCHMARKS.md): a running foliod's RPC latency p99 under a connection flood, against the
# same node's p99 with no flood measured in the same run (target: at most 2x). Builds foliod
# (release) and runs Benchmarks/net/flood/flood_bench.py, which says what the flood does.
# Usage: scripts/bench-flood.sh [rounds=5] [calls=1000] [max-peers=20] [churners=4]
# FOLIO_RELEASE_SCRATCH picks the release build directory (default /tmp/folio-release).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${FOLIO_RELEASE_SCRATCH:-/tmp/folio-release}"
swift build -c release --scratch-path "$scratch" --product foliod >/dev/null 2>&1
tool="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/foliod"
exec python3 Benchmarks/net/flood/flood_bench.py "$tool" testnet/genesis-poa.json "${1:-5}" "${2:-1000}" "${3:-20}" "${4:-4}"
