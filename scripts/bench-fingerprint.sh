#!/usr/bin/env bash
# B15 (BENCHMARKS.md): fingerprint speed with Chromaprint's `fpcalc` timed on the same WAV in the
# same run, interleaved, ROUNDS times (default 5); then the 12-megapixel image (PNG, JPEG and PPM
# of one seeded picture, written once) and the 100 kB text, ROUNDS times each; then queries
# over 1,000,000 indexed codes. Each audio measurement is a whole process (start-up,
# model load, file read, fingerprint), wall and CPU time (user + system, from wait4), for ours
# and fpcalc alike; fingerprint-bench also reports its in-process time.
# fpcalc stops after 120 s of audio unless told otherwise, so it runs twice: `-length 0` (the
# whole 3 minutes, the like-for-like reference) and with its default (first 120 s, for
# information).
# Usage: scripts/bench-fingerprint.sh [rounds] [codes]   (JSON also goes to Benchmarks/.build/bench-fingerprint.json)
#        scripts/bench-fingerprint.sh queries [codes]    the similarity queries alone (no fpcalc needed)
#        scripts/bench-fingerprint.sh media [rounds]     the image and text rows alone (no fpcalc needed)
# BEFORE_TOOL=/path/to/an/older/fingerprint-bench adds that build's audio, image and text times to
# the same rounds and checks it gives the same codes (for before/after figures; build it from an
# older checkout of the package; image rows need a build that has `image-file`, 743238c or later).
# SCRATCH_PATH=/tmp/… builds there instead of Benchmarks/.build (on a machine shared with others).
# Queries are timed one by one, wall and thread CPU, against the previous index layout
# (fingerprint-bench's ReferenceIndex) in the same run, and both answers are compared. On a
# machine shared with other work the wall times include waiting for a core; CPU time does not.
set -euo pipefail

ONLY_QUERIES=0
ONLY_MEDIA=0
if [ "${1:-}" = "queries" ]; then ONLY_QUERIES=1; shift; set -- 0 "${1:-1000000}"; fi
if [ "${1:-}" = "media" ]; then ONLY_MEDIA=1; shift; set -- "${1:-5}" 0; fi
ROUNDS="${1:-5}"
CODES="${2:-1000000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/Benchmarks"
OUT="$BENCH/.build"
SCRATCH="${SCRATCH_PATH:-$BENCH/.build}"

die() { echo "bench-fingerprint.sh: $*" >&2; exit 1; }
[ "$ONLY_QUERIES" = 1 ] || [ "$ONLY_MEDIA" = 1 ] || command -v fpcalc >/dev/null \
    || die "fpcalc not found; install Debian's libchromaprint-tools (apt-get install -y libchromaprint-tools)"
command -v python3 >/dev/null || die "python3 not found; it runs the rounds and prints the table"

echo "building release..." >&2
(cd "$BENCH" && swift build -c release --product fingerprint-bench --scratch-path "$SCRATCH" >/dev/null) \
    || die "release build failed; run 'swift build -c release --product fingerprint-bench' in Benchmarks/ to see why"
TOOL="$SCRATCH/release/fingerprint-bench"
mkdir -p "$OUT"
WAV="$OUT/b15-3min.wav"
[ "$ONLY_QUERIES" = 1 ] || [ "$ONLY_MEDIA" = 1 ] || "$TOOL" write-wav "$WAV"
if [ "$ONLY_QUERIES" = 0 ]; then
    # One seeded 4000×3000 picture in three formats, written once.
    for ext in png jpg ppm; do [ -s "$OUT/b15-12mp.$ext" ] || "$TOOL" write-image "$OUT/b15-12mp.$ext"; done
fi

python3 - "$TOOL" "$WAV" "$ROUNDS" "$CODES" "$OUT/bench-fingerprint.json" "${BEFORE_TOOL:-}" "$ONLY_QUERIES" "$ONLY_MEDIA" "$OUT" <<'PY'
import json, os, statistics, subprocess, sys, time
tool, wav, rounds, codes, out, before = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
only_queries, only_media, outdir = sys.argv[7] == "1", sys.argv[8] == "1", sys.argv[9]

def run(argv):
    """Runs argv; returns (wall seconds, CPU seconds user+sys, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stdout = proc.stdout.read().decode()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # fpcalc 1.5.1 (FFmpeg 5) exits 3 with "Error decoding audio frame (End of file)" whenever
    # it reads to the end of a WAV, after printing the complete fingerprint; that is accepted.
    if proc.returncode != 0 and not (argv[0] == "fpcalc" and "FINGERPRINT=" in stdout):
        sys.exit(f"{argv[0]} failed: {proc.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, stdout

def queries_table():
    """Runs the query benchmark; prints one row per distance; returns its JSON records."""
    load = open("/proc/loadavg").read().split()[:3]
    _, _, stdout = run([tool, "query", codes])
    records = [json.loads(line) for line in stdout.splitlines()]
    print(f"\nB15 similarity queries over {codes} random codes, 1,000 queries per distance; load average before: {' '.join(load)}, after: {' '.join(open('/proc/loadavg').read().split()[:3])}")
    for r in records:
        name = r["benchmark"]
        if name in ("index-build", "index-build-bulk", "reference-build"):
            size = f", {r['storage_bytes'] / 2**20:.0f} MiB held" if "storage_bytes" in r else ""
            print(f"{name:20} {r['wall_seconds']:8.2f} s wall, {r['cpu_seconds']:6.2f} s CPU{size}")
        elif name == "memory":
            print(f"{'memory':20} RSS {r['rss_bytes'] / 2**20:.0f} MiB (both indexes), peak {r['peak_rss_bytes'] / 2**20:.0f} MiB")
    print(f"{'ms per query':14} {'CPU median':>10} {'CPU p99':>8} {'wall median':>11} {'wall p99':>9} | {'reference CPU median':>20} {'p99':>6} | {'ratio':>5}  target < 1 ms")
    for r in records:
        if not r["benchmark"].startswith("query-within"):
            continue
        ms = lambda k: r[k] * 1000
        ratio = r["reference_cpu_median"] / r["cpu_median"]
        verdict = "ok" if ms("cpu_p99") < 1 else ("median only" if ms("cpu_median") < 1 else "MISSED")
        print(f"{r['benchmark']:14} {ms('cpu_median'):10.3f} {ms('cpu_p99'):8.3f} {ms('wall_median'):11.3f} {ms('wall_p99'):9.3f} | "
              f"{ms('reference_cpu_median'):20.3f} {ms('reference_cpu_p99'):6.3f} | {ratio:5.1f}x  {verdict} (hits {r['hits']}, answers differing from the reference: {r['reference_mismatches']})")
    return records

def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}

def media_table():
    """The 12 MP image in three formats and the 100 kB text, `rounds` interleaved rounds of
    whole processes (and the in-process time each reports); the older build's rows too, if given."""
    items = {f"image-{ext}": ["image-file", os.path.join(outdir, f"b15-12mp.{ext}")] for ext in ("png", "jpg", "ppm")}
    items["image-pgm-in-memory"] = ["image"]
    items["text-100k"] = ["text"]
    builds = {"now": tool} | ({"before": before} if before else {})
    rows = {(item, build): {"wall": [], "cpu": [], "in_wall": [], "in_cpu": []} for item in items for build in builds}
    codes_seen = {}
    load = open("/proc/loadavg").read().split()[:3]
    for r in range(rounds):
        print(f"media round {r + 1}/{rounds}", file=sys.stderr)
        for item, args in items.items():
            for build, path in builds.items():
                wall, cpu, stdout = run([path] + args)
                record = json.loads(stdout)
                row = rows[(item, build)]
                row["wall"].append(wall); row["cpu"].append(cpu)
                row["in_wall"].append(record["wall_seconds"]); row["in_cpu"].append(record["cpu_seconds"])
                if "code" in record:
                    if codes_seen.setdefault(item, record["code"]) != record["code"]:
                        sys.exit(f"{build} gives a different code for {item}")
    print(f"\nB15 image (4000x3000, one seeded picture as PNG {os.path.getsize(items['image-png'][1])} B, "
          f"JPEG q90 {os.path.getsize(items['image-jpg'][1])} B, PPM) and 100 kB text, {rounds} interleaved rounds; "
          f"load average before: {' '.join(load)}, after: {' '.join(open('/proc/loadavg').read().split()[:3])}")
    print(f"{'':30} {'process wall':>12} {'process CPU':>12} {'[min, max]':>16} | {'in-process CPU':>14} {'[min, max]':>16}")
    results = {}
    for (item, build), row in rows.items():
        s = {k: summary(v) for k, v in row.items()}
        results[f"{item}/{build}"] = s
        c, ic = s["cpu"], s["in_cpu"]
        print(f"{item + ' (' + build + ')':30} {s['wall']['median']:12.3f} {c['median']:12.3f} [{c['min']:.3f}, {c['max']:.3f}] | "
              f"{ic['median']:14.3f} [{ic['min']:.3f}, {ic['max']:.3f}]")
    if len(set(codes_seen[k] for k in codes_seen if k.startswith("image-"))) == 1:
        print("the PNG, JPEG and PPM give the same code")
    return results

if only_queries:
    json.dump({"queries": queries_table()}, open(out, "w"), indent=2)
    sys.exit(0)
if only_media:
    json.dump({"media": media_table()}, open(out, "w"), indent=2)
    sys.exit(0)

commands = {
    "folio": [tool, "audio", wav],
    "fpcalc-whole": ["fpcalc", "-length", "0", wav],
    "fpcalc-120s": ["fpcalc", wav],
}
if before:
    commands["folio-before"] = [before, "audio", wav]
samples = {name: {"wall": [], "cpu": []} for name in commands}
inprocess = {"wall": [], "cpu": []}
code = None
for _ in range(1):  # warm the page cache and the binaries
    for argv in commands.values(): run(argv)
for r in range(rounds):
    print(f"round {r + 1}/{rounds}", file=sys.stderr)
    for name, argv in commands.items():
        wall, cpu, stdout = run(argv)
        samples[name]["wall"].append(wall)
        samples[name]["cpu"].append(cpu)
        if name == "folio-before":
            if json.loads(stdout)["code"] != code:
                sys.exit("the older build gives a different code for the same WAV")
        if name == "folio":
            record = json.loads(stdout)
            inprocess["wall"].append(record["wall_seconds"])
            inprocess["cpu"].append(record["cpu_seconds"])
            code = record["code"]

results = {name: {k: summary(v) for k, v in s.items()} for name, s in samples.items()}
results["folio-in-process"] = {k: summary(v) for k, v in inprocess.items()}
ours, ref = results["folio"], results["fpcalc-whole"]
print(f"\nB15 audio: 3-minute 44.1 kHz stereo 16-bit WAV ({os.path.getsize(wav)} bytes), {rounds} interleaved rounds, whole processes")
print(f"{'':28} {'wall median':>12} {'[min, max]':>18} {'CPU median':>11} {'[min, max]':>18}")
for name in ["folio", "fpcalc-whole", "fpcalc-120s", "folio-in-process"] + (["folio-before"] if before else []):
    w, c = results[name]["wall"], results[name]["cpu"]
    print(f"{name:28} {w['median']:12.3f} [{w['min']:.3f}, {w['max']:.3f}] {c['median']:11.3f} [{c['min']:.3f}, {c['max']:.3f}]")
wall_ratio = ref["wall"]["median"] / ours["wall"]["median"]
cpu_ratio = ref["cpu"]["median"] / ours["cpu"]["median"]
verdict = "ok" if wall_ratio >= 1 and cpu_ratio >= 1 else "MISSED"
print(f"speed vs fpcalc -length 0 (fpcalc time / ours): wall {wall_ratio:.2f}x, CPU {cpu_ratio:.2f}x; target >= 1: {verdict}")
print(f"code {code}")

extra = media_table()
queries = queries_table()
document = {"audio": results, "speed_ratio": {"wall": wall_ratio, "cpu": cpu_ratio, "met": verdict == "ok"},
            "code": code, "other": extra, "queries": queries}
json.dump(document, open(out, "w"), indent=2)
PY
