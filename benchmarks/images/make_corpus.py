#!/usr/bin/env python3
"""Make the issue-20 image corpus: PHI text in pictures, faces, identifying metadata (deterministic, offline).

The images are generated on demand into a directory (not committed) together with ``manifest.jsonl``, the ground
truth the image benchmark scores against. Every run with the same seed writes the same files.

What goes in (layouts, about 240 images):
  - ``photo``: a note card, label or cake message carrying a PHI text, rotated a few degrees and pasted on a photo;
  - ``review``: a phone screenshot of a review app (reviewer, stars, review text);
  - ``sms``: a phone screenshot of a text-message thread (grey and blue bubbles);
  - ``whiteboard``: a whiteboard or a day schedule (marker colours, slanted, uneven light);
  - ``photo12``: 12-megapixel (4000x3000) photos of boards and notes: the timing set;
  - ``face``: portraits with clear frontal faces (the sample photographs that ship inside scikit-image and
    matplotlib: astronaut, Grace Hopper) composed at several sizes, and scikit-image's small LFW face crops;
  - ``noface``: photographs and textures without a face (coffee, cat, rocket, coins, ...) and LFW non-face crops.
Many images also carry EXIF: GPS position, capture date, camera serial, owner/artist, an embedded thumbnail.

Texts come from the shared labelled corpus (../shared/eval/phi_synth_dev.jsonl, synthetic): the manifest names the
record (``source_id``) so the benchmark can score recognised text against its labelled spans. The manifest holds no
text itself.

Usage: .venv/bin/python benchmarks/images/make_corpus.py OUT_DIR [--seed 20] [--corpus PATH]
Needs the ``bench`` extra (scikit-image, matplotlib) for the sample photographs and fonts.
"""
from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import struct
import textwrap
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "phi_synth_dev.jsonl"
PHI_LABELS = {"PERSON", "DATE", "LOCATION", "PHONE", "EMAIL", "SSN", "ID", "URL", "IP", "AGE_OVER_89"}

COUNTS = {"photo": 40, "review": 35, "sms": 35, "whiteboard": 40, "photo12": 20, "face": 40, "noface": 40}


# ---------------------------------------------------------------- sources: texts, fonts, photographs

def phi_texts(path: Path, rng: random.Random) -> list[dict]:
    """Records with at least one PHI span and a length that fits on a card or a phone screen."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            spans = [s for s in rec["spans"] if s["label"] in PHI_LABELS]
            if spans and 15 <= len(rec["text"]) <= 260:
                out.append(rec)
    out.sort(key=lambda r: r["id"])
    rng.shuffle(out)
    return out


def fonts() -> dict[str, str]:
    """TrueType fonts found on this machine or inside matplotlib (DejaVu, STIX); name -> path."""
    dirs = [Path("/usr/share/fonts/truetype/dejavu")]
    try:
        import matplotlib
        dirs.append(Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf")
    except ImportError:
        pass
    wanted = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf",
              "DejaVuSans-Oblique.ttf", "DejaVuSansCondensed.ttf", "DejaVuSerif-Bold.ttf", "STIXGeneral.ttf",
              "STIXGeneralBol.ttf"]
    found = {}
    for name in wanted:
        for d in dirs:
            if (d / name).exists():
                found[name.removesuffix(".ttf")] = str(d / name)
                break
    if not found:
        raise SystemExit("no TrueType fonts found: install fonts-dejavu-core or the bench extra (matplotlib)")
    return found


def photographs() -> tuple[dict[str, Image.Image], dict[str, tuple[int, int, int, int]], list[Image.Image],
                           list[Image.Image]]:
    """Sample photographs bundled inside scikit-image and matplotlib wheels (no download).

    Returns (faceless photos, portraits -> face box, LFW face crops, LFW non-face crops).
    """
    try:
        import matplotlib
        import numpy as np
        import skimage
    except ImportError as e:
        raise SystemExit(f"install the bench extra (pip install -e '.[bench]'): {e}") from None
    sd = Path(skimage.__file__).parent / "data"
    md = Path(matplotlib.__file__).parent / "mpl-data" / "sample_data"
    faceless = {}
    for name in ["coffee.png", "chelsea.png", "rocket.jpg", "motorcycle_left.png", "horse.png", "coins.png",
                 "brick.png", "grass.png", "gravel.png", "hubble_deep_field.jpg", "retina.jpg", "moon.png",
                 "clock_motion.png", "ihc.png", "cell.png"]:
        if (sd / name).exists():
            faceless[name.split(".")[0]] = Image.open(sd / name).convert("RGB")
    portraits = {}
    boxes = {}
    if (sd / "astronaut.png").exists():
        portraits["astronaut"] = Image.open(sd / "astronaut.png").convert("RGB")
        boxes["astronaut"] = (170, 58, 105, 118)
    if (md / "grace_hopper.jpg").exists():
        portraits["grace_hopper"] = Image.open(md / "grace_hopper.jpg").convert("RGB")
        boxes["grace_hopper"] = (180, 118, 175, 192)
    lfw_faces, lfw_other = [], []
    if (sd / "lfw_subset.npy").exists():
        arr = np.load(sd / "lfw_subset.npy")  # 200 x 25 x 25 floats: 100 faces then 100 non-faces
        for i, a in enumerate(arr):
            im = Image.fromarray((np.clip(a, 0, 1) * 255).astype("uint8"), "L").convert("RGB")
            (lfw_faces if i < 100 else lfw_other).append(im)
    return faceless, {k: (v, boxes[k]) for k, v in portraits.items()}, lfw_faces, lfw_other


# ---------------------------------------------------------------- drawing helpers

def wrap(text: str, width: int) -> list[str]:
    """Wrap on words, keeping the record's own line breaks."""
    lines = []
    for para in text.split("\n"):
        para = para.strip()
        if para:
            lines.extend(textwrap.wrap(para, width=width, break_long_words=False) or [para])
    return lines


def font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


def text_block(lines: list[str], fnt: ImageFont.FreeTypeFont, fill, bg, pad: int, spacing: float = 1.35
               ) -> Image.Image:
    """An RGBA card holding the lines."""
    asc, desc = fnt.getmetrics()
    lh = int((asc + desc) * spacing)
    w = max(int(fnt.getlength(ln)) for ln in lines) + 2 * pad
    h = lh * len(lines) + 2 * pad
    card = Image.new("RGBA", (w, h), bg)
    d = ImageDraw.Draw(card)
    for i, ln in enumerate(lines):
        d.text((pad, pad + i * lh), ln, font=fnt, fill=fill)
    return card


def cover(photo: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale and crop a photo to fill size (like a phone camera frame)."""
    w, h = size
    s = max(w / photo.width, h / photo.height)
    im = photo.resize((math.ceil(photo.width * s), math.ceil(photo.height * s)), Image.Resampling.BICUBIC)
    x, y = (im.width - w) // 2, (im.height - h) // 2
    return im.crop((x, y, x + w, y + h))


def grain(im: Image.Image, rng: random.Random, amount: int) -> Image.Image:
    """Camera-like noise so that upscaled sample photos are not flat."""
    if amount <= 0:
        return im
    import numpy as np
    a = np.asarray(im).astype("int16")
    noise = np.random.default_rng(rng.randrange(1 << 30)).integers(-amount, amount + 1, a.shape, dtype="int16")
    return Image.fromarray(np.clip(a + noise, 0, 255).astype("uint8"))


def paste_rotated(bg: Image.Image, card: Image.Image, angle: float, xy: tuple[int, int], shadow: bool = True
                  ) -> tuple[int, int, int, int]:
    """Paste an RGBA card rotated by angle degrees at xy; returns the pasted box."""
    rot = card.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    x, y = xy
    if shadow:
        sh = Image.new("RGBA", rot.size, (0, 0, 0, 0))
        sh.putalpha(rot.getchannel("A").point(lambda v: v * 90 // 255))
        sh = sh.filter(ImageFilter.GaussianBlur(max(2, rot.width // 150)))
        bg.paste(sh, (x + 6, y + 8), sh)
    bg.paste(rot, (x, y), rot)
    return (x, y, rot.width, rot.height)


# ---------------------------------------------------------------- layouts

def layout_photo(rec, rng, fnts, faceless, big: bool = False):
    """A note card / label / cake message on a photo."""
    size = (4000, 3000) if big else rng.choice([(1600, 1200), (2016, 1512), (1200, 1600), (2400, 1800)])
    bg = grain(cover(rng.choice(list(faceless.values())), size), rng, 6)
    fname, fpath = rng.choice(list(fnts.items()))
    # letter height: a fraction of the frame, as a note held up or lying on a desk
    px = int(min(size) * (rng.uniform(0.020, 0.035) if big else rng.uniform(0.024, 0.045)))
    fnt = font(fpath, px)
    style = rng.choice(["card", "label", "cake", "sticky"])
    fill, paper = {
        "card": ((25, 25, 30, 255), (246, 244, 236, 255)),
        "label": ((0, 0, 0, 255), (255, 255, 255, 255)),
        "cake": ((200, 30, 90, 255), (252, 238, 242, 255)),
        "sticky": ((20, 40, 120, 255), (252, 241, 140, 255)),
    }[style]
    lines = wrap(rec["text"], rng.randint(22, 34))
    card = text_block(lines, fnt, fill, paper, pad=px)
    limit = (size[0] * 0.85, size[1] * 0.85)
    if card.width > limit[0] or card.height > limit[1]:
        s = min(limit[0] / card.width, limit[1] / card.height)
        px = max(10, int(px * s))
        fnt = font(fpath, px)
        card = text_block(lines, fnt, fill, paper, pad=px)
    angle = rng.uniform(-6, 6)
    rot_w = int(card.width * abs(math.cos(math.radians(angle))) + card.height * abs(math.sin(math.radians(angle))))
    rot_h = int(card.width * abs(math.sin(math.radians(angle))) + card.height * abs(math.cos(math.radians(angle))))
    x = rng.randint(0, max(0, size[0] - rot_w - 10))
    y = rng.randint(0, max(0, size[1] - rot_h - 10))
    paste_rotated(bg, card, angle, (x, y))
    bg = ImageEnhance.Brightness(bg).enhance(rng.uniform(0.8, 1.1))
    return bg.convert("RGB"), {"font": fname, "font_px": px, "angle": round(angle, 1), "style": style}


def phone_frame(rng) -> tuple[int, int]:
    return rng.choice([(1170, 2532), (1080, 2400), (1284, 2778), (828, 1792)])


def status_bar(d: ImageDraw.ImageDraw, w: int, fnt, dark: bool):
    col = (240, 240, 240) if dark else (20, 20, 20)
    d.text((int(w * 0.07), int(fnt.size * 0.6)), f"9:{random.Random(w).randint(10, 59)}", font=fnt, fill=col)
    d.rectangle((w - int(w * 0.12), int(fnt.size * 0.8), w - int(w * 0.06), int(fnt.size * 1.5)), outline=col, width=3)


def layout_review(rec, rng, fnts):
    """A review-app screenshot: app bar, reviewer, stars, the review text."""
    w, h = phone_frame(rng)
    scale = w / 390  # points to pixels
    dark = rng.random() < 0.25
    bgc = (18, 18, 20) if dark else (255, 255, 255)
    fg = (235, 235, 235) if dark else (28, 28, 30)
    sub = (150, 150, 155) if dark else (110, 110, 115)
    im = Image.new("RGB", (w, h), bgc)
    d = ImageDraw.Draw(im)
    sans = fnts.get("DejaVuSans", next(iter(fnts.values())))
    bold = fnts.get("DejaVuSans-Bold", sans)
    status_bar(d, w, font(sans, int(15 * scale)), dark)
    bar_h = int(100 * scale)
    d.rectangle((0, int(44 * scale), w, bar_h), fill=(30, 30, 34) if dark else (247, 247, 250))
    d.text((int(16 * scale), int(58 * scale)), rng.choice(["Reviews", "All reviews", "Ratings & Reviews"]),
           font=font(bold, int(22 * scale)), fill=fg)
    y = bar_h + int(20 * scale)
    body_px = int(rng.choice([15, 16, 17]) * scale)
    fname = rng.choice([k for k in fnts if "Mono" not in k and "Oblique" not in k] or list(fnts))
    body = font(fnts[fname], body_px)
    # an avatar circle and a neutral reviewer handle, then stars and a date-free "2 weeks ago"
    d.ellipse((int(16 * scale), y, int(56 * scale), y + int(40 * scale)), fill=(rng.randint(60, 200), 120, 160))
    d.text((int(66 * scale), y + int(2 * scale)), rng.choice(["A Google user", "Verified patient", "Local Guide"]),
           font=font(bold, int(15 * scale)), fill=fg)
    d.text((int(66 * scale), y + int(22 * scale)), "★★★★★"[: rng.randint(1, 5)], font=font(sans, int(14 * scale)),
           fill=(250, 180, 20))
    y += int(56 * scale)
    chars = int((w - 32 * scale) / (body_px * 0.55))
    for ln in wrap(rec["text"], max(18, chars)):
        d.text((int(16 * scale), y), ln, font=body, fill=fg)
        y += int(body_px * 1.45)
    y += int(14 * scale)
    d.text((int(16 * scale), y), "Helpful?   Yes   No", font=font(sans, int(13 * scale)), fill=sub)
    d.line((0, y + int(30 * scale), w, y + int(30 * scale)), fill=sub, width=1)
    return im, {"font": fname, "font_px": body_px, "angle": 0.0, "style": "dark" if dark else "light"}


def layout_sms(rec, rng, fnts):
    """A text-message thread screenshot: grey incoming and blue outgoing bubbles; the PHI text is one bubble."""
    w, h = phone_frame(rng)
    scale = w / 390
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    sans = fnts.get("DejaVuSans", next(iter(fnts.values())))
    status_bar(d, w, font(sans, int(15 * scale)), False)
    d.rectangle((0, int(44 * scale), w, int(110 * scale)), fill=(246, 246, 246))
    d.ellipse((w // 2 - int(20 * scale), int(50 * scale), w // 2 + int(20 * scale), int(90 * scale)),
              fill=(160, 160, 170))
    px = int(rng.choice([16, 17, 18]) * scale)
    fname = rng.choice([k for k in fnts if "Mono" not in k] or list(fnts))
    body = font(fnts[fname], px)
    y = int(130 * scale)
    filler = ["Hi! Quick question", "Sure, go ahead", "Thanks so much", "See you then"]
    bubbles = [(rng.choice(filler), rng.random() < 0.5), (rec["text"], rng.random() < 0.5),
               (rng.choice(filler), rng.random() < 0.5)]
    for text, mine in bubbles:
        lines = wrap(text, max(14, int((w * 0.68) / (px * 0.56))))
        lh = int(px * 1.35)
        bw = max(int(body.getlength(ln)) for ln in lines) + int(28 * scale)
        bh = lh * len(lines) + int(20 * scale)
        x = w - bw - int(12 * scale) if mine else int(12 * scale)
        fill, col = ((10, 132, 255), (255, 255, 255)) if mine else ((233, 233, 235), (0, 0, 0))
        d.rounded_rectangle((x, y, x + bw, y + bh), radius=int(18 * scale), fill=fill)
        for i, ln in enumerate(lines):
            d.text((x + int(14 * scale), y + int(10 * scale) + i * lh), ln, font=body, fill=col)
        y += bh + int(12 * scale)
    return im, {"font": fname, "font_px": px, "angle": 0.0, "style": "sms"}


def layout_whiteboard(rec, rng, fnts, big: bool = False):
    """A whiteboard or a printed day schedule on a wall, photographed slightly askew with uneven light."""
    size = (4000, 3000) if big else rng.choice([(1600, 1200), (2048, 1536), (1800, 1350)])
    schedule = rng.random() < 0.4
    board = Image.new("RGB", size, (236, 238, 234) if not schedule else (250, 250, 250))
    d = ImageDraw.Draw(board)
    marker = rng.choice([(20, 40, 160), (30, 30, 30), (170, 20, 30), (10, 110, 60)])
    fname = rng.choice([k for k in fnts if "Oblique" in k or "Sans" in k] or list(fnts))
    px = int(size[1] * (rng.uniform(0.03, 0.045) if big else rng.uniform(0.035, 0.055)))
    fnt = font(fnts[fname], px)
    x0, y = int(size[0] * 0.06), int(size[1] * 0.08)
    if schedule:
        d.text((x0, y), rng.choice(["Today", "Monday schedule", "Intake - this week"]),
               font=font(fnts.get("DejaVuSans-Bold", fnts[fname]), int(px * 1.2)), fill=(0, 0, 0))
        y += int(px * 2.0)
        times = ["9:00", "10:00", "11:30", "1:00", "2:30", "4:00"]
        lines = wrap(rec["text"], rng.randint(28, 40))
        tcol = int(size[0] * 0.16)
        for i, ln in enumerate(lines):
            d.line((x0, y - int(px * 0.3), size[0] - x0, y - int(px * 0.3)), fill=(180, 180, 180), width=2)
            d.text((x0, y), times[i % len(times)], font=fnt, fill=(60, 60, 60))
            d.text((x0 + tcol, y), ln, font=fnt, fill=(0, 0, 0))
            y += int(px * 1.6)
    else:
        for ln in wrap(rec["text"], rng.randint(24, 36)):
            d.text((x0 + rng.randint(-px // 3, px // 3), y), ln, font=fnt, fill=marker)
            y += int(px * 1.5)
    # light falling off towards one side, a tilt, and a wall around the board
    import numpy as np
    a = np.asarray(board).astype("float32")
    ramp = np.linspace(rng.uniform(0.78, 0.92), 1.0, size[0], dtype="float32")
    if rng.random() < 0.5:
        ramp = ramp[::-1]
    a *= ramp[None, :, None]
    board = Image.fromarray(np.clip(a, 0, 255).astype("uint8"))
    angle = rng.uniform(-4, 4)
    wall = Image.new("RGB", size, (rng.randint(120, 170), rng.randint(110, 150), rng.randint(90, 130)))
    inner = board.resize((int(size[0] * 0.92), int(size[1] * 0.92)), Image.Resampling.LANCZOS).convert("RGBA")
    rot = inner.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    wall.paste(rot, ((size[0] - rot.width) // 2, (size[1] - rot.height) // 2), rot)
    wall = grain(wall, rng, 5)
    return wall, {"font": fname, "font_px": int(px * 0.92), "angle": round(angle, 1),
                  "style": "schedule" if schedule else "whiteboard"}


def layout_face(i, rng, portraits, lfw_faces, faceless):
    """A portrait composed at some size on a background; or an LFW face crop, enlarged, on a plain background."""
    if i % 4 != 3 and portraits:  # three in four: the clear portraits
        names = sorted(portraits)
        name = names[i % len(names)]
        photo, (fx, fy, fw, fh) = portraits[name]
        size = rng.choice([(1600, 1200), (2048, 1536), (1200, 1600), (4000, 3000)])
        if rng.random() < 0.5:  # the portrait fills the frame
            s = max(size[0] / photo.width, size[1] / photo.height) * rng.uniform(0.9, 1.0)
            im = Image.new("RGB", size, (200, 200, 200))
        else:  # the portrait is a part of a wider scene
            s = min(size[0] / photo.width, size[1] / photo.height) * rng.uniform(0.45, 0.8)
            im = grain(cover(rng.choice(list(faceless.values())), size), rng, 4)
        p = photo.resize((int(photo.width * s), int(photo.height * s)), Image.Resampling.BICUBIC)
        mirror = rng.random() < 0.5
        if mirror:
            p = p.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            fx = photo.width - fx - fw
        x = rng.randint(min(0, size[0] - p.width), max(0, size[0] - p.width))
        y = rng.randint(min(0, size[1] - p.height), max(0, size[1] - p.height))
        im.paste(p, (x, y))
        im = ImageEnhance.Brightness(im).enhance(rng.uniform(0.85, 1.15))
        box = [int(x + fx * s), int(y + fy * s), int(fw * s), int(fh * s)]
        return im, {"faces": [box], "face_quality": "clear", "style": name}
    crop = lfw_faces[(i * 7) % len(lfw_faces)]
    side = rng.choice([160, 200, 260])
    im = Image.new("RGB", (side * 3, side * 3), tuple(rng.randint(150, 230) for _ in range(3)))
    im.paste(crop.resize((side, side), Image.Resampling.BICUBIC), (side, side))
    return im, {"faces": [[side, side, side, side]], "face_quality": "lfw_25px", "style": "lfw"}


def layout_noface(i, rng, faceless, lfw_other):
    """A photograph or texture without a face, or an enlarged LFW non-face crop."""
    if i % 4 != 3 or not lfw_other:
        names = sorted(faceless)
        photo = faceless[names[i % len(names)]]
        size = rng.choice([(1600, 1200), (2048, 1536), (1200, 1600), (4000, 3000)])
        im = grain(cover(photo, size), rng, rng.choice([0, 4, 8]))
        return im, {"faces": [], "face_quality": None, "style": names[i % len(names)]}
    crop = lfw_other[(i * 7) % len(lfw_other)]
    side = rng.choice([160, 200, 260])
    im = Image.new("RGB", (side * 3, side * 3), tuple(rng.randint(150, 230) for _ in range(3)))
    im.paste(crop.resize((side, side), Image.Resampling.BICUBIC), (side, side))
    return im, {"faces": [], "face_quality": None, "style": "lfw_nonface"}


# ---------------------------------------------------------------- metadata (EXIF)

def exif_bytes(kinds: list[str], rng: random.Random, thumb: Image.Image | None) -> bytes:
    """EXIF with the chosen kinds of identifying metadata (values are made up), plus an IFD1 thumbnail if asked."""
    ex = Image.Exif()
    ex[ExifTags.Base.Make] = "Phone"
    ex[ExifTags.Base.Model] = "Model 12"
    ex[ExifTags.Base.Software] = "Camera 1.0"
    sub = ex.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.ExposureTime] = 1 / 120
    if "capture_date" in kinds:
        stamp = f"2024:{rng.randint(1, 12):02d}:{rng.randint(1, 28):02d} {rng.randint(8, 18):02d}:15:42"
        sub[ExifTags.Base.DateTimeOriginal] = stamp
        ex[ExifTags.Base.DateTime] = stamp
    if "device_serial" in kinds:
        sub[ExifTags.Base.BodySerialNumber] = f"{rng.randint(10**9, 10**10 - 1)}"
    if "owner" in kinds:
        who = rng.choice(["Dana Whitfield", "R. Okafor", "Priya Raman"])
        if rng.random() < 0.5:
            sub[ExifTags.Base.CameraOwnerName] = who
        else:
            ex[ExifTags.Base.Artist] = who
    if "gps" in kinds:
        gps = ex.get_ifd(ExifTags.IFD.GPSInfo)
        lat, lon = rng.uniform(25, 48), rng.uniform(70, 122)
        dms = lambda v: (float(int(v)), float(int(v * 60 % 60)), round(v * 3600 % 60, 2))  # noqa: E731
        gps[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps[ExifTags.GPS.GPSLatitude] = dms(lat)
        gps[ExifTags.GPS.GPSLongitudeRef] = "W"
        gps[ExifTags.GPS.GPSLongitude] = dms(lon)
    raw = ex.tobytes()
    if thumb is None:
        return raw
    return add_thumbnail(raw, thumb)


def add_thumbnail(raw: bytes, thumb: Image.Image) -> bytes:
    """Append an IFD1 carrying a JPEG thumbnail to Pillow's EXIF bytes (Pillow does not write IFD1 itself)."""
    assert raw[:6] == b"Exif\x00\x00"
    tiff = bytearray(raw[6:])
    end = "<" if tiff[:2] == b"II" else ">"
    buf = io.BytesIO()
    thumb.convert("RGB").save(buf, "JPEG", quality=70)
    jpeg = buf.getvalue()
    ifd0 = struct.unpack(end + "I", tiff[4:8])[0]
    n = struct.unpack(end + "H", tiff[ifd0:ifd0 + 2])[0]
    next_ptr = ifd0 + 2 + 12 * n
    if len(tiff) % 2:
        tiff += b"\x00"
    ifd1 = len(tiff)
    entries = 3
    data_at = ifd1 + 2 + 12 * entries + 4
    body = struct.pack(end + "H", entries)
    body += struct.pack(end + "HHIHH", 0x0103, 3, 1, 6, 0)  # Compression: JPEG
    body += struct.pack(end + "HHII", 0x0201, 4, 1, data_at)  # JPEGInterchangeFormat
    body += struct.pack(end + "HHII", 0x0202, 4, 1, len(jpeg))  # JPEGInterchangeFormatLength
    body += struct.pack(end + "I", 0)
    tiff[next_ptr:next_ptr + 4] = struct.pack(end + "I", ifd1)
    tiff += body + jpeg
    return b"Exif\x00\x00" + bytes(tiff)


def metadata_plan(i: int, rng: random.Random) -> list[str]:
    """Which metadata kinds image i carries: about half the images carry some, every kind often."""
    if i % 2:
        return []
    kinds = ["gps", "capture_date", "device_serial", "owner", "thumbnail"]
    chosen = [k for k in kinds if rng.random() < 0.45]
    return chosen or [kinds[(i // 2) % len(kinds)]]


# ---------------------------------------------------------------- main

def make(out: Path, corpus: Path, seed: int) -> int:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    texts = phi_texts(corpus, rng)
    fnts = fonts()
    faceless, portraits, lfw_faces, lfw_other = photographs()
    n_text = sum(COUNTS[k] for k in ("photo", "review", "sms", "whiteboard", "photo12"))
    if len(texts) < n_text:
        raise SystemExit(f"only {len(texts)} usable texts in {corpus}")
    manifest = []
    t = 0
    i = 0
    for layout, count in COUNTS.items():
        for j in range(count):
            r = random.Random(f"{seed}-{layout}-{j}")
            rec = None
            if layout in ("photo", "review", "sms", "whiteboard", "photo12"):
                rec = texts[t]
                t += 1
            if layout == "photo":
                im, info = layout_photo(rec, r, fnts, faceless)
            elif layout == "photo12":
                im, info = (layout_whiteboard(rec, r, fnts, big=True) if j % 2
                            else layout_photo(rec, r, fnts, faceless, big=True))
            elif layout == "review":
                im, info = layout_review(rec, r, fnts)
            elif layout == "sms":
                im, info = layout_sms(rec, r, fnts)
            elif layout == "whiteboard":
                im, info = layout_whiteboard(rec, r, fnts)
            elif layout == "face":
                im, info = layout_face(j, r, portraits, lfw_faces, faceless)
            else:
                im, info = layout_noface(j, r, faceless, lfw_other)
            kinds = metadata_plan(i, r)
            fmt = "PNG" if layout in ("review", "sms") and not kinds else "JPEG"
            name = f"{i:04d}-{layout}.{'png' if fmt == 'PNG' else 'jpg'}"
            if fmt == "JPEG":
                thumb = im.resize((160, max(1, int(160 * im.height / im.width)))) if "thumbnail" in kinds else None
                extra = {"exif": exif_bytes(kinds, r, thumb)} if kinds else {}
                im.convert("RGB").save(out / name, "JPEG", quality=r.choice([82, 88, 92]), **extra)
            else:
                im.save(out / name, "PNG", optimize=False)
            entry = {
                "file": name, "layout": layout, "width": im.width, "height": im.height,
                "source_id": rec["id"] if rec else None,
                "phi": sorted({s["label"] for s in rec["spans"] if s["label"] in PHI_LABELS}) if rec else [],
                "faces": info.pop("faces", []), "face_quality": info.pop("face_quality", None),
                "metadata": kinds, **info,
            }
            manifest.append(entry)
            i += 1
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for e in manifest:
            f.write(json.dumps(e) + "\n")
    return len(manifest)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    n = make(args.out, args.corpus, args.seed)
    print(f"{n} images and manifest.jsonl written to {args.out}")


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
