#!/usr/bin/env bash
# B17 (BENCHMARKS.md): encrypted bulk block transfer against `openssl speed -evp
# chacha20-poly1305` at 16 KiB, in the same run (target ≥ 50% of OpenSSL's rate).
# folio-net-bench sends blocks of TRANSACTIONS transfers (about 145 bytes each) three ways and
# reports plaintext bytes per CPU-second for each side:
#   transport  seal + frame the encoded block, cut + open it (B17's figure; docs/benchmarks.md
#              says why the codec is kept out of it)
#   codec      encode and decode the block message alone
#   full path  PeerSession send (encode, seal) and receive (open, decode), framed
# Each ratio uses the slower side. ROUNDS interleaved rounds; median [min, max] reported.
# Usage: scripts/bench-transport.sh [rounds=5] [transactions-per-block=1000] [blocks=200]
# FOLIO_RELEASE_SCRATCH picks the release build directory (default /tmp/folio-release).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"
scratch="${FOLIO_RELEASE_SCRATCH:-/tmp/folio-release}"
swift build -c release --scratch-path "$scratch" --product folio-net-bench >/dev/null 2>&1
tool="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/folio-net-bench"
command -v openssl >/dev/null || { echo "bench-transport.sh: openssl not found" >&2; exit 1; }
results=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$ROUNDS"); do
    folio=$("$tool" "${2:-1000}" "${3:-200}")
    # The last column of the table row is the 16384-byte rate, in thousands of bytes a second.
    reference=$(openssl speed -evp chacha20-poly1305 -bytes 16384 -seconds 2 2>/dev/null | awk '/^ChaCha20-Poly1305|^chacha20-poly1305/ { value = $NF } END { sub(/k$/, "", value); print value * 1000 }')
    results+=("$folio $reference")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
results_file=$(mktemp)
trap 'rm -f "$results_file"' EXIT
printf '%s\n' "${results[@]}" > "$results_file"
python3 - "$results_file" "$load_before" "$load_after" <<'PY'
import json, statistics, sys
rows = []
for line in open(sys.argv[1]):
    text, reference = line.rsplit(" ", 1)
    row = json.loads(text)
    row["openssl"] = float(reference)
    rows.append(row)

def spread(values):
    return statistics.median(values), min(values), max(values)

def line(label, key):
    med, lo, hi = spread([r[key] for r in rows])
    ratio, rlo, rhi = spread([r[key] / r["openssl"] for r in rows])
    print(f"  {label:<36} {med / 1e6:8.1f} MB/CPU-s [{lo / 1e6:.0f}, {hi / 1e6:.0f}]"
          f"   {ratio:.2f}x openssl [{rlo:.2f}, {rhi:.2f}]")

def slower(a, b):
    return spread([min(r[a], r[b]) / r["openssl"] for r in rows])

print(f"B17: block message of {rows[0]['blockBytes']} bytes, {rows[0]['blocks']} blocks, {len(rows)} rounds, "
      f"load average {sys.argv[2]} before, {sys.argv[3]} after")
line("transport seal (seal + frame)", "transportSeal")
line("transport open (cut + open)", "transportOpen")
line("codec encode (block message)", "encode")
line("codec decode (block message)", "decode")
line("full path send (encode + seal + frame)", "fullSeal")
line("full path receive (cut + open + decode)", "fullOpen")
med, lo, hi = spread([r["openssl"] for r in rows])
print(f"  openssl chacha20-poly1305 16 KiB      {med / 1e6:8.1f} MB/s     [{lo / 1e6:.0f}, {hi / 1e6:.0f}]")
transport = slower("transportSeal", "transportOpen")
full = slower("fullSeal", "fullOpen")
print(f"  B17 ratio, transport (slower side): {transport[0]:.2f} [{transport[1]:.2f}, {transport[2]:.2f}], "
      f"target >= 0.50: {'met' if transport[0] >= 0.5 else 'NOT met'}")
print(f"  full path ratio (slower side, codec included): {full[0]:.2f} [{full[1]:.2f}, {full[2]:.2f}]")
summary = {"id": "b17", "openssl": med, "ratio": transport[0], "fullPathRatio": full[0]}
for key in ("transportSeal", "transportOpen", "encode", "decode", "fullSeal", "fullOpen"):
    summary[key] = statistics.median(r[key] for r in rows)
print(json.dumps(summary))
PY
