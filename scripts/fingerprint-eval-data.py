#!/usr/bin/env python3
"""Builds the held-out fingerprint evaluation set: OUT/{audio,image,text}/<work>/original.*
plus one file per transform, all from one seed.

Audio and images are synthesised here with numpy and Pillow (a different generator from
folio-train's, on a different seed stream), audio transforms are made with sox, image
transforms with Pillow, and text is cut from the GNU Info manuals Debian installs under
/usr/share/info (GFDL), with transforms made in Python. Nothing here is in Folio's training
data: folio-train synthesises its own works in Swift and never reads files.

Usage: fingerprint-eval-data.py OUT [--seed N] [--audio N] [--images N] [--texts N]
                               [--exclude-texts SEED:COUNT ...] [--photos] [--recordings]
Runs in the evaluation venv (scripts/fingerprint-eval.sh makes it): needs numpy, Pillow, sox.

--photos also writes OUT/photo/: real photographs instead of synthetic pictures, with the same
image transforms. The photographs are the ones scikit-image's wheel bundles (PyPI
`scikit-image`; public-domain or freely licensed, see its skimage/data/README), each cut into
its four quadrants, and each quadrant is one work: 76 works from 19 pictures. Quadrants of one
picture are different works that share light, texture and camera, the hardest impostors here.

--recordings also writes OUT/recording/: 10 s excerpts of real music instead of synthetic pieces,
in the synthetic originals' format (22.05 kHz mono 16-bit, peak 0.7), with the same audio
transforms. The music is the game soundtracks these Debian packages install: wesnoth-1.16-music
(orchestral, GPL-2), drascula-music (freeware licence), hyperrogue-music (CC-BY-SA-3.0) and
asc-music (GPL-2+); sox decodes them. Each track gives one excerpt, or two far apart if it lasts
90 s or more, starting at a position drawn from the seed and the track's name, at least 5 s in
and 3 s before the end; an excerpt that is nearly silent, or has a silent second, is refused
and the position moved on 2.5 s. Excerpts of one track are different works that share
instruments, mix and often themes: the hardest impostors here, as quadrants are for photos.
manifest.json lists each work's file, package and start.
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

AUDIO_RATE = 22050
AUDIO_SECONDS = 10.0

# Transform name -> sox arguments after the output file (None: made in Python).
AUDIO_TRANSFORMS = {
    "resample11k": ["rate", "11025"],
    "stereo44k": ["channels", "2", "rate", "44100"],
    "mp3": None,
    "noise20db": None,
    "gain-9db": ["gain", "-9"],
    "trim1s": ["trim", "1.0"],
    "tempo106": ["tempo", "1.06"],
    "pitch+50c": ["pitch", "50"],
    "bandpass": ["highpass", "200", "lowpass", "3000"],
    "reverb": ["reverb", "40"],
}
IMAGE_TRANSFORMS = ["half", "upscale", "crop5", "jpeg30", "rotate3", "blur", "brighter", "contrast",
                    "overlay", "grey", "noise", "squash"]
TEXT_TRANSFORMS = ["rewrap", "upper", "punct", "whitespace", "edit2", "edit5", "edit10", "typos", "trim20",
                   "paraswap"]


def work_rng(seed, medium, index):
    """An independent generator per (medium, work), so adding works never changes earlier ones."""
    digest = hashlib.sha256(f"folio-fpeval/{seed}/{medium}/{index}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


# ---------------------------------------------------------------- audio

def synth_audio(rng):
    """A short piece: melody, bass, optional chord pad and drums, with a per-work timbre."""
    n = int(AUDIO_SECONDS * AUDIO_RATE)
    t = np.arange(n) / AUDIO_RATE
    out = np.zeros(n)
    bpm = rng.uniform(70, 170)
    beat = 60.0 / bpm
    root = 220.0 * 2 ** (rng.integers(-7, 8) / 12)
    scale = [0, 2, 4, 5, 7, 9, 11] if rng.random() < 0.5 else [0, 2, 3, 5, 7, 8, 10]

    def voice(freq, start, length, amp, partials, attack, decay, vibrato):
        i0, i1 = int(start * AUDIO_RATE), min(n, int((start + length) * AUDIO_RATE))
        if i1 <= i0:
            return
        tt = t[i0:i1] - start
        env = np.minimum(1.0, tt / attack) * np.exp(-tt / decay)
        env *= np.minimum(1.0, (length - tt) / 0.01).clip(0, 1)
        phase = 2 * np.pi * freq * (tt + vibrato[0] / (2 * np.pi * vibrato[1]) * np.sin(2 * np.pi * vibrato[1] * tt))
        sig = sum(a * np.sin(k * phase) for k, a in enumerate(partials, start=1))
        out[i0:i1] += amp * env * sig

    partials = [rng.uniform(0.1, 1.0) / k ** rng.uniform(0.5, 2.0) for k in range(1, int(rng.integers(2, 9)))]
    vib = (rng.uniform(0, 0.004), rng.uniform(4, 7))
    time = 0.0
    while time < AUDIO_SECONDS:  # melody
        length = beat * rng.choice([0.25, 0.5, 0.5, 1, 1, 1.5, 2])
        if rng.random() > 0.12:
            degree = int(rng.integers(0, 14))
            freq = root * 2 ** ((12 * (degree // 7) + scale[degree % 7]) / 12)
            voice(freq, time, length * rng.uniform(0.7, 1.0), rng.uniform(0.15, 0.3), partials,
                  rng.uniform(0.005, 0.05), rng.uniform(0.2, 1.5), vib)
        time += length
    bass_partials = [1.0, 0.5, 0.2]
    time = 0.0
    while time < AUDIO_SECONDS:  # bass on the beat
        degree = int(rng.choice([0, 3, 4, 5]))
        voice(root / 4 * 2 ** (scale[degree] / 12), time, beat * 0.9, 0.3, bass_partials, 0.01, 0.5, (0, 1))
        time += beat * rng.choice([1, 2])
    if rng.random() < 0.6:  # chord pad
        time = 0.0
        while time < AUDIO_SECONDS:
            degree = int(rng.choice([0, 3, 4, 5]))
            for step in (0, 2, 4):
                d = degree + step
                voice(root / 2 * 2 ** ((12 * (d // 7) + scale[d % 7]) / 12), time, beat * 4, 0.06,
                      [1.0, 0.3], 0.2, 3.0, (0.002, 5))
            time += beat * 4
    if rng.random() < 0.75:  # drums: kick, snare, hats
        pattern = rng.random((3, 16)) < [[0.35], [0.25], [0.6]]
        pattern[0, 0] = True
        step = beat / 4
        for s in range(int(AUDIO_SECONDS / step)):
            start = s * step
            i0 = int(start * AUDIO_RATE)
            if pattern[0, s % 16]:
                m = min(n - i0, int(0.25 * AUDIO_RATE))
                tt = np.arange(m) / AUDIO_RATE
                out[i0:i0 + m] += 0.5 * np.sin(2 * np.pi * (50 * tt + 60 * (1 - np.exp(-tt * 30)) / 30)) * np.exp(-tt * 12)
            if pattern[1, s % 16]:
                m = min(n - i0, int(0.18 * AUDIO_RATE))
                tt = np.arange(m) / AUDIO_RATE
                out[i0:i0 + m] += 0.25 * rng.standard_normal(m) * np.exp(-tt * 25)
            if pattern[2, s % 16]:
                m = min(n - i0, int(0.05 * AUDIO_RATE))
                noise = rng.standard_normal(m)
                out[i0:i0 + m] += 0.08 * np.diff(noise, prepend=0) * np.exp(-np.arange(m) / AUDIO_RATE * 80)
    return 0.7 * out / max(1e-9, np.abs(out).max())


def write_wav(path, samples, rate=AUDIO_RATE):
    pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype("<i2")
    import wave
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def make_audio(out, count, seed):
    for index in range(count):
        rng = work_rng(seed, "audio", index)
        folder = os.path.join(out, "audio", f"a{index:04d}")
        os.makedirs(folder, exist_ok=True)
        write_audio_work(folder, synth_audio(rng), rng)


def write_audio_work(folder, signal, rng):
    """FOLDER/original.wav (22.05 kHz mono 16-bit) and one file per audio transform of `signal`."""
    original = os.path.join(folder, "original.wav")
    write_wav(original, signal)
    for name, args in AUDIO_TRANSFORMS.items():
        target = os.path.join(folder, f"{name}.wav")
        if name == "noise20db":
            noise = rng.standard_normal(len(signal))
            noise *= np.sqrt(np.mean(signal ** 2) / np.mean(noise ** 2)) / 10 ** (20 / 20)
            write_wav(target, signal + noise)
        elif name == "mp3":
            mp3 = os.path.join(folder, "tmp.mp3")
            subprocess.run(["sox", original, "-C", "64", mp3], check=True)
            subprocess.run(["sox", mp3, "-b", "16", target], check=True)
            os.remove(mp3)
        else:
            # -D: no dither, so the transform is the same on every run.
            subprocess.run(["sox", "-D", original, "-b", "16", target] + args, check=True)


# (Debian package, short name, folder, extension): game soundtracks, each package its own composers.
RECORDINGS = [
    ("wesnoth-1.16-music", "wesnoth", "/usr/share/games/wesnoth/1.16/data/core/music", ".ogg"),
    ("drascula-music", "drascula", "/usr/share/scummvm/drascula/audio", ".ogg"),
    ("hyperrogue-music", "hyperrogue", "/usr/share/hyperrogue/music", ".ogg"),
    ("asc-music", "asc", "/usr/share/games/asc/music", ".mp3"),
]
RECORDING_SKIP = 5.0  # seconds left out at the start (intros, fade-ins)
RECORDING_TAIL = 3.0  # and at the end (fade-outs)
RECORDING_TWO = 90.0  # tracks at least this long give two excerpts
RECORDING_GAP = 20.0  # at least this much music between a track's two excerpts
RECORDING_STEP = 2.5  # a refused excerpt: try this much later (wrapping within its range)


def decode_track(path):
    """The whole track as float samples at 22.05 kHz, its channels averaged (sox's `channels 1`)."""
    run = subprocess.run(["sox", "-D", path, "-t", "raw", "-e", "floating-point", "-b", "32", "-L", "-",
                          "channels", "1", "rate", str(AUDIO_RATE)], capture_output=True)
    if run.returncode != 0 or not run.stdout:
        hint = " (mp3 needs Debian's libsox-fmt-mp3)" if path.endswith(".mp3") else ""
        sys.exit(f"sox could not decode {path}{hint}: {run.stderr.decode(errors='replace').strip()}")
    return np.frombuffer(run.stdout, "<f4").astype(np.float64)


def audible(excerpt):
    """False for an excerpt that is mostly silence or has a silent second: it would test nothing."""
    seconds = excerpt[:len(excerpt) // AUDIO_RATE * AUDIO_RATE].reshape(-1, AUDIO_RATE)
    rms = np.sqrt(np.mean(seconds ** 2, axis=1))
    return np.sqrt(np.mean(excerpt ** 2)) >= 10 ** (-40 / 20) and rms.min() >= 10 ** (-55 / 20)


def excerpt_starts(samples, rng):
    """Start samples of the track's excerpts: one, or two in its two halves with RECORDING_GAP
    between them; each drawn at random in its range, then moved on by RECORDING_STEP while not
    audible. An empty list for a track too short; a range with nothing audible gives none."""
    n = int(AUDIO_SECONDS * AUDIO_RATE)
    lo, hi = int(RECORDING_SKIP * AUDIO_RATE), len(samples) - int(RECORDING_TAIL * AUDIO_RATE) - n
    if hi < lo:
        return []
    if len(samples) >= RECORDING_TWO * AUDIO_RATE:
        mid = (lo + hi + n) // 2
        gap = int(RECORDING_GAP * AUDIO_RATE) // 2
        ranges = [(lo, mid - gap - n), (mid + gap, hi)]
    else:
        ranges = [(lo, hi)]
    step = int(RECORDING_STEP * AUDIO_RATE)
    starts = []
    for first, last in ranges:
        span = last - first + 1
        offset = int(rng.integers(0, span))
        for k in range(span // step + 1):
            start = first + (offset + k * step) % span
            if audible(samples[start:start + n]):
                starts.append(start)
                break
    return starts


def make_recordings(out, seed):
    """OUT/recording/<short>-<track>-<k>/: 10 s excerpts of the game soundtracks Debian installs,
    with the audio transforms. Returns the manifest's list of works and where each was cut."""
    missing = [package for package, _, folder, _ in RECORDINGS if not os.path.isdir(folder)]
    if missing:
        sys.exit("--recordings needs the music Debian installs: apt-get install --no-install-recommends "
                 + " ".join(missing))
    n = int(AUDIO_SECONDS * AUDIO_RATE)
    works = []
    for package, short, folder, extension in RECORDINGS:
        for file in sorted(f for f in os.listdir(folder) if f.endswith(extension)):
            stem = os.path.splitext(file)[0]
            # Keyed by the track's name, so another package present or not moves nothing here.
            rng = work_rng(seed, "recording", f"{short}/{stem}")
            samples = decode_track(os.path.join(folder, file))
            for k, start in enumerate(excerpt_starts(samples, rng)):
                excerpt = samples[start:start + n]
                # Peak 0.7, as the synthetic originals: the gain and noise transforms mean the same.
                excerpt = 0.7 * excerpt / np.abs(excerpt).max()
                work = f"{short}-{stem}-{k}"
                target = os.path.join(out, "recording", work)
                os.makedirs(target, exist_ok=True)
                write_audio_work(target, excerpt, rng)
                works.append({"work": work, "package": package, "file": os.path.join(folder, file),
                              "start_seconds": round(start / AUDIO_RATE, 3)})
    return works


def package_versions():
    versions = {}
    for package, _, _, _ in RECORDINGS:
        run = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True)
        versions[package] = run.stdout.strip() if run.returncode == 0 else None
    return versions


# ---------------------------------------------------------------- images

def fractal_noise(rng, h, w, slope):
    """Noise with a 1/f^slope spectrum: the power law natural photographs roughly follow."""
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.fftfreq(w)[None, :]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1
    spectrum = (rng.standard_normal((h, w)) + 1j * rng.standard_normal((h, w))) / f ** slope
    spectrum[0, 0] = 0
    field = np.real(np.fft.ifft2(spectrum))
    return (field - field.min()) / max(1e-9, np.ptp(field))


def synth_image(rng):
    w = int(rng.choice([320, 384, 400, 480]))
    h = int(rng.choice([240, 288, 300, 360, 400]))
    base = np.stack([fractal_noise(rng, h, w, rng.uniform(1.0, 1.8)) for _ in range(3)], axis=2)
    tint = rng.uniform(0.2, 1.0, 3)
    img = Image.fromarray(np.uint8(255 * (0.3 * base + 0.7 * base.mean(axis=2, keepdims=True)) * tint))
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(int(rng.integers(3, 12))):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3)) + (int(rng.integers(120, 256)),)
        x0, y0 = rng.uniform(-0.1, 0.9) * w, rng.uniform(-0.1, 0.9) * h
        x1, y1 = x0 + rng.uniform(0.05, 0.5) * w, y0 + rng.uniform(0.05, 0.5) * h
        kind = rng.integers(0, 4)
        if kind == 0:
            draw.ellipse([x0, y0, x1, y1], fill=colour)
        elif kind == 1:
            draw.rectangle([x0, y0, x1, y1], fill=colour)
        elif kind == 2:
            points = [(float(rng.uniform(0, w)), float(rng.uniform(0, h))) for _ in range(int(rng.integers(3, 7)))]
            draw.polygon(points, fill=colour)
        else:
            draw.line([x0, y0, x1, y1], fill=colour, width=int(rng.integers(2, 12)))
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0, 1.2)))


def transform_image(img, name, rng):
    w, h = img.size
    if name == "half":
        return img.resize((w // 2, h // 2), Image.LANCZOS)
    if name == "upscale":
        return img.resize((w * 3 // 2, h * 3 // 2), Image.BICUBIC)
    if name == "crop5":
        return img.crop((w // 20, h // 20, w - w // 20, h - h // 20))
    if name == "rotate3":
        return img.rotate(3, resample=Image.BICUBIC, fillcolor=(0, 0, 0))
    if name == "blur":
        return img.filter(ImageFilter.GaussianBlur(2))
    if name == "brighter":
        return ImageEnhance.Brightness(img).enhance(1.3)
    if name == "contrast":
        return ImageEnhance.Contrast(img).enhance(0.6)
    if name == "overlay":
        out = img.copy()
        draw = ImageDraw.Draw(out, "RGBA")
        draw.rectangle([w * 0.6, h * 0.75, w * 0.97, h * 0.95], fill=(255, 255, 255, 170))
        draw.text((w * 0.62, h * 0.8), "(c) somebody else 2026", fill=(0, 0, 0, 255))
        return out
    if name == "grey":
        return img.convert("L")
    if name == "noise":
        pixels = np.asarray(img).astype(float) + rng.normal(0, 10, (h, w, 3))
        return Image.fromarray(np.uint8(np.clip(pixels, 0, 255)))
    if name == "squash":
        return img.resize((w, h * 4 // 5), Image.BILINEAR)
    raise ValueError(name)


def make_images(out, count, seed):
    for index in range(count):
        rng = work_rng(seed, "image", index)
        folder = os.path.join(out, "image", f"i{index:04d}")
        os.makedirs(folder, exist_ok=True)
        write_image_work(folder, synth_image(rng), rng)


def write_image_work(folder, img, rng):
    """FOLDER/original.png and one file per image transform of `img`."""
    img.save(os.path.join(folder, "original.png"))
    for name in IMAGE_TRANSFORMS:
        if name == "jpeg30":
            img.save(os.path.join(folder, "jpeg30.jpg"), quality=30)
        else:
            transform_image(img, name, rng).save(os.path.join(folder, f"{name}.png"))


PHOTOS = ["astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png", "clock_motion.png", "coffee.png",
          "coins.png", "grass.png", "gravel.png", "hubble_deep_field.jpg", "ihc.png", "microaneurysms.png", "moon.png",
          "motorcycle_left.png", "page.png", "retina.jpg", "rocket.jpg", "text.png"]


def make_photos(out, seed):
    """OUT/photo/<picture>-q<k>/: each bundled photograph's quadrants as works, with the image transforms."""
    try:
        import skimage
    except ImportError:
        sys.exit("--photos needs scikit-image in this venv: pip install scikit-image")
    data = os.path.join(os.path.dirname(skimage.__file__), "data")
    for picture_index, name in enumerate(PHOTOS):
        picture = Image.open(os.path.join(data, name)).convert("RGB")
        w, h = picture.size
        for quadrant in range(4):
            x, y = quadrant % 2, quadrant // 2
            img = picture.crop((x * w // 2, y * h // 2, (x + 1) * w // 2, (y + 1) * h // 2))
            rng = work_rng(seed, "photo", 4 * picture_index + quadrant)
            folder = os.path.join(out, "photo", f"{os.path.splitext(name)[0]}-q{quadrant}")
            os.makedirs(folder, exist_ok=True)
            write_image_work(folder, img, rng)


# ---------------------------------------------------------------- text

def info_passages(info_dir):
    """(manual, node, text) for every Info node with enough running prose."""
    passages = []
    for file in sorted(os.listdir(info_dir)):
        if not file.endswith(".gz"):
            continue
        with gzip.open(os.path.join(info_dir, file), "rt", encoding="utf-8", errors="replace") as f:
            raw = f.read()
        for node in raw.split("\x1f")[1:]:
            lines = node.strip("\n").split("\n")
            match = re.search(r"Node: ([^,]+)", lines[0]) if lines else None
            if not match or "Index" in match.group(1) or "Tag Table" in node[:30]:
                continue
            body = []
            for line in lines[1:]:
                if line.startswith("* Menu:"):
                    break
                if re.match(r"^[*=\-]{3,}\s*$", line) or line.startswith("   ["):
                    continue
                body.append(line.rstrip())
            text = "\n".join(body).strip()
            if len(text.split()) >= 180:
                passages.append((file.split(".info")[0], match.group(1).strip(), text))
    return passages


def cut_passage(text, max_words=450):
    """The node's first paragraphs, up to about max_words words, cut at a line end."""
    out, words = [], 0
    for line in text.split("\n"):
        out.append(line)
        words += len(line.split())
        if words >= max_words:
            break
    return "\n".join(out).strip() + "\n"


def word_edits(text, rate, rng, vocabulary):
    words = text.split()
    out = []
    for word in words:
        if rng.random() < rate:
            kind = rng.integers(0, 4)
            if kind == 0:
                continue  # delete
            if kind == 1:
                out += [word, str(rng.choice(vocabulary))]  # insert
                continue
            if kind == 2:
                out.append(str(rng.choice(vocabulary)))  # substitute
                continue
            if out:
                out[-1], word = word, out[-1]  # swap with the previous word
        out.append(word)
    return "\n".join(textwrap.wrap(" ".join(out), 72)) + "\n"


def typo(word, rng):
    if len(word) < 3:
        return word
    i = int(rng.integers(0, len(word) - 1))
    kind = rng.integers(0, 3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + chr(ord("a") + int(rng.integers(0, 26))) + word[i + 1:]


def transform_text(text, name, rng, vocabulary):
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if name == "rewrap":
        return "\n\n".join(textwrap.fill(" ".join(p.split()), 50) for p in paragraphs) + "\n"
    if name == "upper":
        return text.upper()
    if name == "punct":
        return re.sub(r"[.,;:!?'\"`()\[\]{}]", "", text).replace("-", " ")
    if name == "whitespace":
        return "\r\n".join("\t" + "  ".join(line.split()) + "  " for line in text.split("\n"))
    if name.startswith("edit"):
        return word_edits(text, int(name[4:]) / 100, rng, vocabulary)
    if name == "typos":
        words = [typo(w, rng) if rng.random() < 0.05 else w for w in text.split()]
        return "\n".join(textwrap.wrap(" ".join(words), 72)) + "\n"
    if name == "trim20":
        words = text.split()
        cut = len(words) // 10
        return "\n".join(textwrap.wrap(" ".join(words[cut:len(words) - cut]), 72)) + "\n"
    if name == "paraswap":
        if len(paragraphs) < 2:
            lines = text.split("\n")
            half = len(lines) // 2
            return "\n".join(lines[half:] + lines[:half]) + "\n"
        i = int(rng.integers(0, len(paragraphs) - 1))
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        return "\n\n".join(paragraphs) + "\n"
    raise ValueError(name)


def passage_grams(passage):
    words = re.findall(r"[a-z0-9]+", cut_passage(passage[2]).lower())
    return set(zip(words, words[1:], words[2:]))


def choose_passages(passages, count, seed, excluded=()):
    """Indices (sorted) of `count` passages for `seed`, none a near copy of another or of an
    index in `excluded`; an empty list when fewer are available."""
    rng = work_rng(seed, "text", -1)
    # Manuals share boilerplate (the GFDL appears in several, and some nodes are near copies of
    # each other), and two copies of one text must not count as different works: a passage
    # is taken only if it shares under 20% of its word 3-grams with every passage already taken.
    chosen, taken = [], [passage_grams(passages[i]) for i in excluded]
    for pick in rng.permutation(len(passages)):
        if len(chosen) == count:
            break
        grams = passage_grams(passages[pick])
        if all(len(grams & other) < 0.2 * len(grams | other) for other in taken):
            chosen.append(int(pick))
            taken.append(grams)
    return sorted(chosen) if len(chosen) == count else []


def make_texts(out, count, seed, info_dir, exclude_seeds=()):
    if count == 0:  # choose_passages' empty list would read as too few passages
        return []
    passages = info_passages(info_dir)
    if len(passages) < count:
        sys.exit(f"only {len(passages)} Info nodes with 180+ words under {info_dir}; asked for {count}")
    # Passages another seed's set holds (and their near copies) are left out, so a set can be
    # held out from sets used earlier; the other seed's own default count is the one excluded.
    excluded = set()
    for other, other_count in exclude_seeds:
        picks = choose_passages(passages, other_count, other)
        if not picks:
            sys.exit(f"seed {other} cannot choose {other_count} distinct Info passages under {info_dir}")
        excluded.update(picks)
    chosen = choose_passages(passages, count, seed, sorted(excluded))
    if not chosen:
        sys.exit(f"fewer than {count} distinct Info passages under {info_dir} (with {len(excluded)} excluded); asked for {count}")
    vocabulary = sorted({w for _, _, text in passages for w in re.findall(r"[a-z]{3,}", text)})
    sources = []
    for index, pick in enumerate(chosen):
        manual, node, text = passages[pick]
        rng = work_rng(seed, "text", index)
        folder = os.path.join(out, "text", f"t{index:04d}")
        os.makedirs(folder, exist_ok=True)
        passage = cut_passage(text)
        with open(os.path.join(folder, "original.txt"), "w", encoding="utf-8") as f:
            f.write(passage)
        for name in TEXT_TRANSFORMS:
            with open(os.path.join(folder, f"{name}.txt"), "w", encoding="utf-8", newline="") as f:
                f.write(transform_text(passage, name, rng, vocabulary))
        sources.append({"work": f"t{index:04d}", "manual": manual, "node": node})
    return sources


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--audio", type=int, default=120)
    parser.add_argument("--images", type=int, default=150)
    parser.add_argument("--texts", type=int, default=150)
    parser.add_argument("--info-dir", default="/usr/share/info")
    parser.add_argument("--exclude-texts", action="append", default=[], metavar="SEED:COUNT",
                        help="leave out the passages (and near copies) that seed SEED's set of COUNT texts holds")
    parser.add_argument("--photos", action="store_true",
                        help="also write OUT/photo/ from the photographs scikit-image bundles (pip install scikit-image)")
    parser.add_argument("--recordings", action="store_true",
                        help="also write OUT/recording/ from game soundtracks Debian installs (see above)")
    args = parser.parse_args()
    exclude = []
    for spec in args.exclude_texts:
        seed, _, count = spec.partition(":")
        if not (seed.isdigit() and count.isdigit()):
            parser.error(f"--exclude-texts takes SEED:COUNT, not {spec}")
        exclude.append((int(seed), int(count)))
    make_audio(args.out, args.audio, args.seed)
    make_images(args.out, args.images, args.seed)
    if args.photos:
        make_photos(args.out, args.seed)
    recordings = make_recordings(args.out, args.seed) if args.recordings else []
    sources = make_texts(args.out, args.texts, args.seed, args.info_dir, exclude)
    manifest = {"seed": args.seed, "audio": args.audio, "images": args.images, "texts": args.texts,
                "excluded_texts": [f"{s}:{c}" for s, c in exclude], "photos": PHOTOS if args.photos else [],
                "audio_transforms": list(AUDIO_TRANSFORMS), "image_transforms": ["jpeg30"] + IMAGE_TRANSFORMS,
                "text_transforms": TEXT_TRANSFORMS, "text_sources": sources}
    if args.recordings:  # only then, so a manifest without recordings stays as it was
        manifest["recordings"] = recordings
        manifest["recording_packages"] = package_versions()
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
