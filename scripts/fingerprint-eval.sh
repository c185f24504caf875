#!/usr/bin/env bash
# Folio's fingerprints against reference fingerprinters on the same held-out files, scored by
# the same code (`folio fingerprint eval`): Chromaprint (fpcalc) and ISCC on audio, PDQ, pHash
# and ISCC on images, ISCC on text. Prints one table per medium.
#
# Usage: scripts/fingerprint-eval.sh [--seed N] [--audio N] [--images N] [--texts N] [--out DIR]
#   --out     where the data set and codes go (default /tmp/folio-fpeval-<seed>; kept afterwards)
# Environment: FPEVAL_VENV (default ~/.cache/folio-fpeval-venv), FPEVAL_SCRATCH (the release
# build's --scratch-path, default /tmp/fpeval-release), FPEVAL_SKIP_SETUP=1 to skip apt/pip.
#
# The references are development comparisons only: Folio itself uses none of them. They are
# installed here: fpcalc and sox from Debian, pdqhash, imagehash, iscc-core, numpy and Pillow
# from PyPI into a venv outside the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seed=1 audio=120 images=150 texts=150 out=""
while (($#)); do
    case $1 in
        --seed) seed=$2; shift 2 ;;
        --audio) audio=$2; shift 2 ;;
        --images) images=$2; shift 2 ;;
        --texts) texts=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "fingerprint-eval: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
out=${out:-/tmp/folio-fpeval-$seed}
venv=${FPEVAL_VENV:-$HOME/.cache/folio-fpeval-venv}
scratch=${FPEVAL_SCRATCH:-/tmp/fpeval-release}

if [[ ${FPEVAL_SKIP_SETUP:-0} != 1 ]]; then
    # grep without -q reads all of sox's output, so sox never dies of SIGPIPE under pipefail.
    if ! command -v fpcalc >/dev/null || ! command -v sox >/dev/null || ! sox -h 2>&1 | grep mp3 >/dev/null; then
        echo "== installing fpcalc and sox (Debian: libchromaprint-tools sox libsox-fmt-mp3)" >&2
        apt-get update -qq && apt-get install -y -qq --no-install-recommends libchromaprint-tools sox libsox-fmt-mp3 >/dev/null
    fi
    if [[ ! -x $venv/bin/python3 ]] && ! python3 -m venv "$venv"; then
        # Debian's own python3 makes venvs only with python3-venv installed.
        apt-get install -y -qq --no-install-recommends python3-venv >/dev/null && python3 -m venv "$venv"
    fi
    if ! "$venv/bin/python3" -c 'import pdqhash, imagehash, iscc_core, numpy, PIL' 2>/dev/null; then
        echo "== installing the Python references into $venv" >&2
        "$venv/bin/pip" install -q pdqhash imagehash iscc-core numpy pillow
    fi
fi
py="$venv/bin/python3"

echo "== building folio (release, $scratch)" >&2
swift build -c release --product folio --scratch-path "$scratch" --package-path "$root" 2>&1 | grep -E "error|warning: .*Sources/" >&2 || true
folio="$scratch/release/folio"
[[ -x $folio ]] || { echo "fingerprint-eval: the release build failed" >&2; exit 1; }

echo "== data set: seed $seed, $audio audio, $images image, $texts text works in $out" >&2
rm -rf "$out"
mkdir -p "$out"
"$py" "$root/scripts/fingerprint-eval-data.py" "$out" --seed "$seed" --audio "$audio" --images "$images" --texts "$texts"

echo "== reference codes" >&2
for medium in audio image text; do
    "$py" "$root/scripts/fingerprint-eval-refs.py" "$medium" "$out/$medium" "$out/codes"
done

for medium in audio image text; do
    args=()
    for file in "$out/codes/$medium"-*.codes; do
        name=$(basename "$file" .codes)
        name=${name#"$medium"-}
        if [[ $name == chromaprint ]]; then args+=(--sequence-codes "$name=$file"); else args+=(--codes "$name=$file"); fi
    done
    echo
    echo "### $medium ($out/$medium)"
    "$folio" fingerprint eval "$out/$medium" "${args[@]}"
done
echo
echo "fpcalc $(fpcalc -version | awk '{print $3}')$("$py" -m pip list 2>/dev/null | grep -iE '^(pdqhash|imagehash|iscc-core) ' | awk '{printf ", %s %s", $1, $2}')"
