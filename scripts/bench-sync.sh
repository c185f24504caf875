#!/usr/bin/env bash
# B8 (BENCHMARKS.md): a node syncing the B7 chain from one peer over loopback TCP, against B7
# measured in the same run on the same blocks (imported from memory into a fresh store of the
# same kind). Both nodes are the node's own stack in one process (folio-store-tool sync:
# NodeLedgerFactory ledgers on SQLite, P2PService); docs/benchmarks.md, "B8: sync from one loopback peer".
# Release build with a scratch path of its own; prints a table (median [min, max] over the
# rounds) and the raw JSON lines.
# usage: scripts/bench-sync.sh [blocks=200] [transactions-per-block=50] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A scratch path of its own, so a release build never waits on the debug build's lock.
scratch="${FOLIO_RELEASE_SCRATCH:-/tmp/folio-release}"
swift build -c release --scratch-path "$scratch" --product folio-store-tool >/dev/null
tool="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/folio-store-tool"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$tool" sync "${1:-200}" "${2:-50}" "${3:-5}" | tee "$work/results.jsonl"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/results.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def cell(key, digits):
    values = [r[key] for r in rows]
    return f'{statistics.median(values):.{digits}f} [{min(values):.{digits}f}, {max(values):.{digits}f}]'
first = rows[0]
print(f'B8: {first["blocks"]} blocks x {first["perBlock"]} transfers, {len(rows)} rounds, median [min, max]')
print(f'{"B7 replay, blocks/s":28} {cell("replay", 1)}')
print(f'{"B8 sync, blocks/s":28} {cell("sync", 1)}')
print(f'{"B8 / B7 (target >= 0.80)":28} {cell("ratio", 2)}')
print(f'{"B7 replay, blocks/CPU-s":28} {cell("replayCPU", 1)}')
print(f'{"B8 sync, blocks/CPU-s":28} {cell("syncCPU", 1)}   (both nodes: one process)')
print(f'{"B8 / B7 per CPU-second":28} {cell("ratioCPU", 2)}')
print(f'{"sync time spent validating":28} {cell("validatingShare", 2)}')
print(f'{"load average (1 min)":28} {cell("load", 1)}')
PY
