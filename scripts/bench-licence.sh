#!/usr/bin/env bash
# B13 and B14 (BENCHMARKS.md): the licence interpreter against Lua 5.4 on the same call-heavy and
# loop-heavy kernels in the same run (target ≤ 1.5× Lua's time), the cost of gas metering
# (target ≤ 25%), then royalty settlements per CPU-second (B14, target ≥ 20,000).
# Method (docs/benchmarks.md, "B13"): one Folio iteration is one LicenceEvaluator.evaluate of a
# usage report on a template compiled once; Lua runs Benchmarks/lua/b13-*.lua for the same count
# as a lua5.4 process whose CPU time, less an empty script's, is Lua's time. ROUNDS interleaved
# rounds (default 7) of ITERATIONS evaluations (default 300); the ratios are taken within each
# round, and the medians of the times and of the ratios are reported.
# Usage: scripts/bench-licence.sh [rounds] [iterations] [b14-seconds]
#        (SCRATCH_PATH=dir builds there instead of Benchmarks/.build)
#        (JSON also goes to Benchmarks/.build/bench-licence.json)
set -euo pipefail

ROUNDS="${1:-7}"
ITERATIONS="${2:-300}"
B14_SECONDS="${3:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/Benchmarks"
OUT="$BENCH/.build"

die() { echo "bench-licence.sh: $*" >&2; exit 1; }
LUA="${LUA:-lua5.4}"
command -v "$LUA" >/dev/null || die "$LUA not found; install Lua 5.4 (apt-get install -y lua5.4) or set LUA"
command -v python3 >/dev/null || die "python3 not found; it prints the table"

SCRATCH="${SCRATCH_PATH:-$BENCH/.build}"
echo "building release..." >&2
(cd "$BENCH" && swift build -c release --product licence-bench --scratch-path "$SCRATCH" >/dev/null) \
    || die "release build failed; run 'swift build -c release --product licence-bench' in Benchmarks/ to see why"
TOOL="$SCRATCH/release/licence-bench"
mkdir -p "$OUT"

echo "B13: $ROUNDS rounds of $ITERATIONS evaluations per kernel..." >&2
B13_OUT="$(LUA="$LUA" LUA_DIR="$BENCH/lua" "$TOOL" b13 "$ITERATIONS" "$ROUNDS")" || { echo "$B13_OUT" >&2; die "b13 failed"; }
echo "B14: $B14_SECONDS CPU-seconds of settlements..." >&2
B14_OUT="$("$TOOL" b14 "$B14_SECONDS")" || { echo "$B14_OUT" >&2; die "b14 failed"; }

python3 - "$OUT/bench-licence.json" "$B13_OUT" "$B14_OUT" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
out, b13_text, b14_text, load = sys.argv[1:5]
b13 = [json.loads(line) for line in b13_text.splitlines() if line.startswith("{")]
b14 = [json.loads(line) for line in b14_text.splitlines() if line.startswith("{")][0]
for line in b13_text.splitlines():
    if not line.startswith("{"):
        print(line)
print(f"\nB13, load average {load}; µs of CPU per evaluation, medians of {b13[0]['rounds']} rounds of {b13[0]['iterations']}")
print(f"{'kernel':8} {'Folio':>9} {'Lua':>9} {'Lua in-script':>14} {'ratio':>7} {'[min, max]':>13} {'≤ 1.5×':>7}"
      f" {'unmetered':>10} {'metering':>9} {'≤ 25%':>6} {'gas':>8} {'result':>7}")
for r in b13:
    ratio_ok = "ok" if r["ratio"] <= 1.5 else "MISSED"
    meter_ok = "ok" if r["metering_overhead"] <= 0.25 else "MISSED"
    print(f"{r['benchmark'][4:]:8} {r['folio_s'] * 1e6:9.1f} {r['lua_s'] * 1e6:9.1f} {r['lua_in_script_s'] * 1e6:14.1f}"
          f" {r['ratio']:6.2f}× {'[%.2f, %.2f]' % (r['ratio_min'], r['ratio_max']):>13} {ratio_ok:>7} {r['folio_unmetered_s'] * 1e6:10.1f} {r['metering_overhead'] * 100:8.1f}%"
          f" {meter_ok:>6} {r['gas']:8} {r['result']:7}")
print(f"(Lua start-up, subtracted: {b13[0]['lua_startup_s'] * 1e3:.1f} ms per process)")
rate = b14["per_cpu_second"]
print(f"\nB14: {rate} settlements per CPU-second; target ≥ 20000: {'ok' if rate >= 20000 else 'MISSED'}")
json.dump({"b13": b13, "b14": b14, "load_average": load}, open(out, "w"), indent=2)
PY
