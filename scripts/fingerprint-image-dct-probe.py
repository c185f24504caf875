#!/usr/bin/env python3
"""Probes what image transforms do to the 16x16 low DCT coefficients Folio's image features
are made of, on an image folder made by fingerprint-eval-data.py (DIR/<work>/original.png
plus one file per transform).

A float stand-in for the features, not Folio's integer code: greyscale, 32x32 box resampling,
2-D DCT-II, the 16x16 lowest frequencies. It prints, per transform:
  * how far the copy moves the mean and the median AC magnitude (median over works of
    |ln(copy's / original's)|), the two candidate contrast normalisers;
  * for overlay, crop5 and rotate3: the change left after the best single rescaling of the
    copy's coefficients onto the original's, as a share of the original's norm, and the share
    of that change in the lowest 4x4 frequencies;
and then scores a PDQ-like code (bit = coefficient above the median of the 256, DC included)
the way `folio fingerprint eval` scores codes: impostors are each original against every
other work's original (once per pair) and copies; TPR at FPR 0.1 % counts distances strictly
below the (k+1)-th smallest impostor distance, k = floor(0.001 * impostors).

Usage: fingerprint-image-dct-probe.py DIR   (in the evaluation venv: numpy, Pillow)
"""
import os
import sys

import numpy as np
from PIL import Image

SIDE = 32
KEPT = 16
DCT = np.array([[np.cos(np.pi * (2 * x + 1) * u / (2 * SIDE)) for x in range(SIDE)] for u in range(SIDE)])


def coefficients(path):
    """The 16x16 lowest DCT-II coefficients of the file's 32x32 grey grid, row-major."""
    grid = np.asarray(Image.open(path).convert("L").resize((SIDE, SIDE), Image.BOX), dtype=float) - 128
    return (DCT @ grid @ DCT.T)[:KEPT, :KEPT].ravel()


def load(root):
    """{(work, transform): coefficients} for every file under root."""
    found = {}
    for work in sorted(os.listdir(root)):
        for name in os.listdir(os.path.join(root, work)):
            found[(work, name.split(".")[0])] = coefficients(os.path.join(root, work, name))
    return found


def normaliser_moves(found, works, transforms):
    print("transform   |ln ratio| of the mean / median AC magnitude (median over works)")
    for t in transforms:
        moves = []
        for w in works:
            o, c = np.abs(found[(w, "original")][1:]), np.abs(found[(w, t)][1:])
            moves.append((abs(np.log(c.mean() / o.mean())), abs(np.log(np.median(c) / np.median(o)))))
        m = np.median(np.array(moves), axis=0)
        print(f"{t:11s} {m[0]:.3f} / {m[1]:.3f}")


def rescaled_change(found, works):
    print("transform   change after the best rescaling / share of it in the lowest 4x4")
    for t in ("overlay", "crop5", "rotate3"):
        rows = []
        for w in works:
            o, c = found[(w, "original")].copy(), found[(w, t)].copy()
            o[0] = c[0] = 0
            change = (c @ o) / (c @ c) * c - o
            low = (change.reshape(KEPT, KEPT)[:4, :4] ** 2).sum() / (change ** 2).sum()
            rows.append((np.linalg.norm(change) / np.linalg.norm(o), low))
        m = np.median(np.array(rows), axis=0)
        print(f"{t:11s} {m[0]:.2f} / {m[1]:.2f}")


def median_sign_code(found, works, transforms):
    codes = {key: c > np.median(c) for key, c in found.items()}
    genuine = [(t, int(np.sum(codes[(w, "original")] != codes[(w, t)]))) for w in works for t in transforms]
    impostors = []
    for i, w in enumerate(works):
        original = codes[(w, "original")]
        for j, other in enumerate(works):
            if j == i:
                continue
            for t in ["original"] + transforms:
                if t == "original" and j < i:
                    continue
                impostors.append(int(np.sum(original != codes[(other, t)])))
    impostors.sort()
    threshold = impostors[len(impostors) * 1 // 1000]
    distances = np.array([d for _, d in genuine])
    print(f"median-sign code: {len(genuine)} genuine / {len(impostors)} impostor pairs, closest impostor "
          f"{impostors[0]}, impostor median {np.median(impostors):.0f}, match if distance < {threshold}, "
          f"TPR @ FPR 0.1% {np.mean(distances < threshold):.3f}")
    for t in transforms:
        d = np.array([x for tt, x in genuine if tt == t])
        print(f"  {t:11s} TPR {np.mean(d < threshold):.2f}  genuine median {np.median(d):.0f} bits")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = load(sys.argv[1])
    works = sorted({w for w, _ in found})
    transforms = sorted({t for _, t in found if t != "original"})
    normaliser_moves(found, works, transforms)
    rescaled_change(found, works)
    median_sign_code(found, works, transforms)


if __name__ == "__main__":
    main()
