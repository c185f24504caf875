#!/usr/bin/env bash
# Folio benchmarks: builds release, runs each benchmark and its reference in the same run,
# interleaved, ROUNDS times (default 5), then prints a table and JSON.
#   B1  double SHA-256 of an 80-byte header from a reused midstate (PoW inner loop)
#       reference: the same loop in C over libcrypto (Benchmarks/c/midstate_reference.c)
#   B3  Ed25519 sign and verify through FolioCrypto
#       reference: `openssl speed -seconds 3 ed25519`
# Rates are operations per CPU-second (CLOCK_PROCESS_CPUTIME_ID; openssl speed divides by
# user CPU time too). Usage: scripts/bench.sh [rounds]   (JSON also goes to Benchmarks/.build/bench.json)
set -euo pipefail

ROUNDS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/Benchmarks"
OUT="$BENCH/.build"
RAW="$OUT/bench-raw.jsonl"

die() { echo "bench.sh: $*" >&2; exit 1; }
command -v gcc >/dev/null || die "gcc not found; install build-essential to build the C reference"
command -v openssl >/dev/null || die "openssl not found; install the openssl package for the B3 reference"
command -v python3 >/dev/null || die "python3 not found; it prints the summary table"

echo "building release..." >&2
(cd "$BENCH" && swift build -c release >/dev/null) || die "release build failed; run 'swift build -c release' in Benchmarks/ to see why"
mkdir -p "$OUT"
gcc -O2 -o "$OUT/midstate_reference" "$BENCH/c/midstate_reference.c" -lcrypto \
    || die "could not compile the C reference; is libssl-dev installed?"
FOLIO="$BENCH/.build/release/folio-bench"

: > "$RAW"
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round/$ROUNDS" >&2
    "$OUT/midstate_reference" ctx 1 >> "$RAW"
    "$FOLIO" b1-midstate 1 >> "$RAW"
    "$OUT/midstate_reference" evp 1 >> "$RAW"
    openssl speed -seconds 3 ed25519 2>/dev/null | awk '/Ed25519\)/ {
        printf "{\"benchmark\":\"openssl-ed25519-sign\",\"per_cpu_second\":%s}\n", $(NF-1)
        printf "{\"benchmark\":\"openssl-ed25519-verify\",\"per_cpu_second\":%s}\n", $NF }' >> "$RAW"
    "$FOLIO" b3-sign 3 >> "$RAW"
    "$FOLIO" b3-verify 3 >> "$RAW"
done

python3 - "$RAW" "$OUT/bench.json" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    record = json.loads(line)
    runs.setdefault(record["benchmark"], []).append(record["per_cpu_second"])
rows = [  # id, what, ours, reference, target ratio
    ("B1", "midstate double SHA-256 / header", "b1-midstate", "c-midstate-ctx", 0.80),
    ("B1x", "C loop with EVP_MD_CTX_copy_ex (info)", "c-midstate-evp", "c-midstate-ctx", None),
    ("B3s", "Ed25519 sign", "b3-sign", "openssl-ed25519-sign", 0.90),
    ("B3v", "Ed25519 verify", "b3-verify", "openssl-ed25519-verify", 0.90),
]
def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}
results = []
print(f"{'id':4} {'benchmark':40} {'median/cpu-s':>13} {'min':>12} {'max':>12} {'reference':>12} {'ratio':>7} {'target':>7}")
for ident, what, ours, ref, target in rows:
    if ours not in runs or ref not in runs:
        print(f"{ident:4} {what:40} missing data"); continue
    o, r = stats(runs[ours]), stats(runs[ref])
    ratio = o["median"] / r["median"]
    verdict = "" if target is None else ("ok" if ratio >= target else "MISSED")
    print(f"{ident:4} {what:40} {o['median']:13.0f} {o['min']:12.0f} {o['max']:12.0f} {r['median']:12.0f} {ratio:7.3f} "
          f"{'' if target is None else format(target, '.2f'):>7} {verdict}")
    results.append({"id": ident, "benchmark": what, "ours": o, "reference": {"name": ref, **r},
                    "ratio_of_medians": ratio, "target": target, "met": None if target is None else ratio >= target})
document = {"unit": "operations per CPU-second", "results": results}
json.dump(document, open(sys.argv[2], "w"), indent=2)
print(json.dumps(document))
PY
