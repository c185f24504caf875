#!/usr/bin/env bash
# B5, B6, B7 (BENCHMARKS.md) with their references measured in the same run: a C program
# (Benchmarks/store/c-reference/store_ref.c) writes the same number of rows of like size in the
# same batches at synchronous=FULL and reads them back by key; B7's bound is single-thread
# Ed25519 verify time plus the measured store time. Release build; five runs; prints a table
# (median, min, max of the ratio) and the raw JSON lines.
# usage: scripts/bench-store.sh [blocks=200] [transactions-per-block=50] [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/store_ref" Benchmarks/store/c-reference/store_ref.c -lsqlite3
# A scratch path of its own, so a release build never waits on the debug build's lock.
scratch="${FOLIO_RELEASE_SCRATCH:-/tmp/folio-release}"
swift build -c release --scratch-path "$scratch" --product folio-store-tool >/dev/null
tool="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/folio-store-tool"
for run in $(seq "${3:-5}"); do
    "$tool" bench "$work/store_ref" "${1:-200}" "${2:-50}"
done | tee "$work/results.jsonl"
python3 - "$work/results.jsonl" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    rows.setdefault((r["id"], r["what"]), []).append(r)
print(f'{"id":4} {"what":70} {"value":>10} {"ref":>10} {"ratio med [min, max]":>22} target')
for (key, what), runs in rows.items():
    ratios = [r["ratio"] for r in runs]
    med = statistics.median(ratios)
    print(f'{key:4} {what[:70]:70} {statistics.median(r["value"] for r in runs):>10.0f} '
          f'{statistics.median(r["reference"] for r in runs):>10.0f} {med:6.2f} [{min(ratios):.2f}, {max(ratios):.2f}] {runs[0]["target"]}')
PY
