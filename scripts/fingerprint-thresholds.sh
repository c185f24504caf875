#!/usr/bin/env bash
# The measurement behind the chain's fingerprint thresholds (docs/fingerprint.md, "Thresholds"):
# genuine and impostor distance distributions of the shipped model on a held-out data set, per
# medium and for all media pooled (what the chain sees: it compares every registration with
# every work, whatever its medium), written as CSV curves, with the gate thresholds at FPR
# 0.01 %, 0.1 % and 1 % and a compact table of the curves at key distances.
#
# Usage: scripts/fingerprint-thresholds.sh [--seed N] [--audio N] [--images N] [--texts N]
#                                          [--exclude-texts SEED:COUNT ...] [--out DIR] [--reuse]
#   defaults: seed 3, 300 audio, 300 image, 300 text works, texts of seeds 1 (150) and 2 (100)
#   excluded (the evaluation and validation sets), --out /tmp/folio-fpthresh-<seed>.
#   --reuse   keep an existing data set in DIR (made by an earlier run with the same arguments)
# Environment: FPEVAL_VENV (default ~/.cache/folio-fpeval-venv: numpy and Pillow, made by
# scripts/fingerprint-eval.sh), FPTHRESH_SCRATCH (release --scratch-path, default
# /tmp/fpthresh-release), FPTHRESH_MODEL (a model file instead of the shipped one).
# Writes DIR/curves/{audio,image,text,all}.csv (one line per distance 0..256), the tables as
# DIR/curves/*.txt and Folio's codes as DIR/curves/*.codes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seed=3 audio=300 images=300 texts=300 out="" reuse=0 excludes=()
while (($#)); do
    case $1 in
        --seed) seed=$2; shift 2 ;;
        --audio) audio=$2; shift 2 ;;
        --images) images=$2; shift 2 ;;
        --texts) texts=$2; shift 2 ;;
        --exclude-texts) excludes+=(--exclude-texts "$2"); shift 2 ;;
        --out) out=$2; shift 2 ;;
        --reuse) reuse=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "fingerprint-thresholds: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
((${#excludes[@]})) || excludes=(--exclude-texts 1:150 --exclude-texts 2:100)
out=${out:-/tmp/folio-fpthresh-$seed}
py=${FPEVAL_VENV:-$HOME/.cache/folio-fpeval-venv}/bin/python3
scratch=${FPTHRESH_SCRATCH:-/tmp/fpthresh-release}
model=()
[[ -n ${FPTHRESH_MODEL:-} ]] && model=(--model "$FPTHRESH_MODEL")
[[ -x $py ]] || { echo "fingerprint-thresholds: no $py; run scripts/fingerprint-eval.sh once to make the venv" >&2; exit 1; }

echo "== building folio (release, $scratch)" >&2
swift build -c release --product folio --scratch-path "$scratch" --package-path "$root" 2>&1 | grep -E "error|warning: .*Sources/" >&2 || true
folio="$scratch/release/folio"
[[ -x $folio ]] || { echo "fingerprint-thresholds: the release build failed" >&2; exit 1; }

if [[ $reuse == 1 && -f $out/manifest.json ]]; then
    echo "== reusing the data set in $out" >&2
else
    echo "== data set: seed $seed, $audio audio, $images image, $texts text works in $out (${excludes[*]})" >&2
    rm -rf "$out"
    mkdir -p "$out"
    "$py" "$root/scripts/fingerprint-eval-data.py" "$out" --seed "$seed" --audio "$audio" --images "$images" \
        --texts "$texts" "${excludes[@]}"
fi

# All media in one folder (links), so impostor pairs also cross media, as on the chain.
rm -rf "$out/all" "$out/curves"
mkdir -p "$out/all" "$out/curves"
for medium in audio image text; do
    for work in "$out/$medium"/*/; do
        work=$(basename "$work")
        ln -s "../$medium/$work" "$out/all/$medium-$work"
    done
done

for medium in audio image text; do
    echo
    echo "### $medium ($out/$medium)"
    "$folio" fingerprint eval "$out/$medium" "${model[@]}" --histogram "$out/curves/$medium.csv" \
        --write-codes "$out/curves/$medium.codes" | tee "$out/curves/$medium.txt"
done
# The pooled folder reuses the codes just computed, under the linked works' names.
for medium in audio image text; do sed "s|^|$medium-|" "$out/curves/$medium.codes"; done >"$out/curves/all.codes"
echo
echo "### all media ($out/all)"
"$folio" fingerprint eval "$out/all" --no-folio --codes "folio=$out/curves/all.codes" --histogram "$out/curves/all.csv" \
    | tee "$out/curves/all.txt"

# The curves at key distances: genuine pairs matched (TPR) and impostor pairs matched (count
# and rate) by a gate at or under d bits.
echo
echo "### curves: TPR and impostors matched (count, rate) at or under d bits"
printf '%-4s' d
for medium in audio image text all; do printf ' | %-30s' "$medium TPR / impostors (FPR)"; done
echo
for d in 0 8 16 20 24 28 32 36 40 44 48 52 56 60 64 68 72 80 96 128; do
    printf '%-4s' "$d"
    for medium in audio image text all; do
        awk -F, -v d="$d" '$1 == d { printf " | %.4f / %d (%.6f)%s", $6, $5, $7, "" }' "$out/curves/$medium.csv" \
            | awk '{ printf "%-33s", $0 }'
    done
    echo
done
echo
echo "model: $("$folio" fingerprint --json "$(ls "$out"/text/*/original.txt | head -1)" "${model[@]}" | grep -o '"modelId" *: *"[0-9a-f]*"' || echo unknown)"
