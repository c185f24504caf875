#!/usr/bin/env python3
"""Computes the reference fingerprinters' codes for an evaluation folder, one codes file per
fingerprinter, for `folio fingerprint eval --codes/--sequence-codes` to score. The scoring is
not done here: Folio's codes and these go through the same Swift scorer.

Usage: fingerprint-eval-refs.py MEDIUM DIR OUTDIR
  audio: chromaprint (fpcalc -raw, 32-bit words), iscc-64, iscc-256 (iscc-core's audio code of
         that Chromaprint vector)
  image: pdq (pdqhash, 256 bits), phash (imagehash, 64 bits), iscc-64, iscc-256 (iscc-core's
         image code of the 32x32 grey pixels)
  text:  iscc-64, iscc-256 (iscc-core's text code)
Each codes file has one line per file: '<work>/<name> <hex>'. A file a reference cannot
fingerprint stops the run with its name; nothing is skipped silently.
"""
import os
import subprocess
import sys

import iscc_core


def files(folder):
    for work in sorted(os.listdir(folder)):
        if work.startswith(".") or not os.path.isdir(os.path.join(folder, work)):
            continue
        for name in sorted(os.listdir(os.path.join(folder, work))):
            if not name.startswith("."):
                yield f"{work}/{name}"


def iscc_body(code):
    """The ISCC unit's hash bytes, without its header (which is the same for every file)."""
    _, _, _, _, body = iscc_core.iscc_decode(code)
    return body.hex()


def chromaprint(path):
    # fpcalc 1.5.1 exits 3 ("Error decoding audio frame (End of file)") after printing the
    # whole fingerprint whenever it reads a WAV to its end, so the exit code is not trusted:
    # the FINGERPRINT line is.
    run = subprocess.run(["fpcalc", "-raw", "-signed", "-length", "0", path], capture_output=True, text=True)
    for line in run.stdout.splitlines():
        if line.startswith("FINGERPRINT="):
            values = [int(v) for v in line[len("FINGERPRINT="):].split(",") if v]
            if values:
                return values
    raise SystemExit(f"fpcalc gave no fingerprint for {path}: {run.stderr.strip()}")


def audio_codes(folder, path):
    vector = chromaprint(os.path.join(folder, path))
    words = "".join(f"{v & 0xFFFFFFFF:08x}" for v in vector)
    return {
        "chromaprint": words,
        "iscc-64": iscc_body(iscc_core.gen_audio_code_v0(vector, bits=64)["iscc"]),
        "iscc-256": iscc_body(iscc_core.gen_audio_code_v0(vector, bits=256)["iscc"]),
    }


def image_codes(folder, path):
    import imagehash
    import numpy as np
    import pdqhash
    from PIL import Image

    image = Image.open(os.path.join(folder, path))
    image.load()
    rgb = np.asarray(image.convert("RGB"))
    bits, _quality = pdqhash.compute(rgb)
    pdq = np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex()
    # ISCC's image code takes 32x32 grey pixels; this is the normalisation iscc-sdk applies
    # (greyscale, bicubic resize), without its border trimming.
    pixels = np.asarray(image.convert("L").resize((32, 32), Image.BICUBIC)).flatten().tolist()
    return {
        "pdq": pdq,
        "phash": str(imagehash.phash(image)),
        "iscc-64": iscc_body(iscc_core.gen_image_code_v0(pixels, bits=64)["iscc"]),
        "iscc-256": iscc_body(iscc_core.gen_image_code_v0(pixels, bits=256)["iscc"]),
    }


def text_codes(folder, path):
    with open(os.path.join(folder, path), encoding="utf-8", newline="") as f:
        text = f.read()
    return {
        "iscc-64": iscc_body(iscc_core.gen_text_code_v0(text, bits=64)["iscc"]),
        "iscc-256": iscc_body(iscc_core.gen_text_code_v0(text, bits=256)["iscc"]),
    }


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("audio", "image", "text"):
        raise SystemExit(__doc__)
    medium, folder, out = sys.argv[1:]
    compute = {"audio": audio_codes, "image": image_codes, "text": text_codes}[medium]
    os.makedirs(out, exist_ok=True)
    lines = {}
    for path in files(folder):
        for name, code in compute(folder, path).items():
            lines.setdefault(name, []).append(f"{path} {code}\n")
    for name, entries in lines.items():
        with open(os.path.join(out, f"{medium}-{name}.codes"), "w") as f:
            f.writelines(entries)
        print(f"{medium}: {name}: {len(entries)} codes", file=sys.stderr)


if __name__ == "__main__":
    main()
