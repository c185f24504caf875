#!/usr/bin/env bash
# B17 (BENCHMARKS.md): encrypted bulk block transfer through the peer session against
# `openssl speed -evp chacha20-poly1305` at 16 KiB, in the same run (target ≥ 50% of OpenSSL's
# rate). folio-net-bench seals, then opens, blocks of TRANSACTIONS transfers (about 150 bytes
# each) through two handshaken sessions and reports payload bytes per CPU-second for each side;
# the ratio uses the slower side. ROUNDS interleaved rounds; medians reported.
# Usage: scripts/bench-transport.sh [rounds=3] [transactions-per-block=1000] [blocks=200]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
scratch="${FOLIO_RELEASE_SCRATCH:-/tmp/folio-release}"
swift build -c release --scratch-path "$scratch" --product folio-net-bench >/dev/null
tool="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/folio-net-bench"
command -v openssl >/dev/null || { echo "bench-transport.sh: openssl not found" >&2; exit 1; }
results=()
for _ in $(seq "$ROUNDS"); do
    folio=$("$tool" "${2:-1000}" "${3:-200}")
    # The last column of the table row is the 16384-byte rate, in thousands of bytes a second.
    reference=$(openssl speed -evp chacha20-poly1305 -bytes 16384 -seconds 2 2>/dev/null | awk '/^ChaCha20-Poly1305|^chacha20-poly1305/ { value = $NF } END { sub(/k$/, "", value); print value * 1000 }')
    results+=("$folio $reference")
done
results_file=$(mktemp)
trap 'rm -f "$results_file"' EXIT
printf '%s\n' "${results[@]}" > "$results_file"
python3 - "$results_file" <<'PY'
import json, statistics, sys
rows = []
for line in open(sys.argv[1]):
    text, reference = line.rsplit(" ", 1)
    row = json.loads(text)
    row["openssl"] = float(reference)
    rows.append(row)
seal = statistics.median(r["sealBytesPerCPUSecond"] for r in rows)
opened = statistics.median(r["openBytesPerCPUSecond"] for r in rows)
ref = statistics.median(r["openssl"] for r in rows)
ratio = min(seal, opened) / ref
print(f"B17: block of {rows[0]['blockBytes']} bytes, {len(rows)} rounds")
print(f"  seal  {seal / 1e6:8.1f} MB per CPU-s   ({seal / ref:.2f}x openssl)")
print(f"  open  {opened / 1e6:8.1f} MB per CPU-s   ({opened / ref:.2f}x openssl)")
print(f"  openssl chacha20-poly1305 16 KiB: {ref / 1e6:.1f} MB/s")
print(f"  ratio (slower side): {ratio:.2f}, target >= 0.50: {'met' if ratio >= 0.5 else 'NOT met'}")
print(json.dumps({"id": "b17", "seal": seal, "open": opened, "openssl": ref, "ratio": ratio}))
PY
