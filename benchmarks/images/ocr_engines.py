#!/usr/bin/env python3
"""Compare OCR engines on the image corpus: how the engine in checks/images/ocr.py was chosen (docs/images.md).

Two steps, because RapidOCR lives in a venv of its own (it must not enter the project's):
  dump:  run one engine over the corpus's text images, write recognised lines + seconds per image to a JSONL file
         (the file holds synthetic corpus text; nothing is printed but counts and times);
  score: for each dump, PHI recall of the project's analyzer on the recognised text against the labelled spans,
         next to the recall on the original texts, and seconds per image (all text images; the 12 MP ones).

  python benchmarks/images/ocr_engines.py dump --engine tesseract CORPUS_DIR OUT.jsonl
  /tmp/rapid/bin/python benchmarks/images/ocr_engines.py dump --engine rapidocr CORPUS_DIR OUT.jsonl
  .venv/bin/python benchmarks/images/ocr_engines.py score CORPUS_DIR OUT1.jsonl OUT2.jsonl ...

Engines: ``tesseract`` (checks.images.ocr.read_text, as shipped), ``tesseract-cli`` (the tesseract binary over a
pipe, same scaling), ``rapidocr`` (the ``rapidocr`` package with onnxruntime and its bundled PP-OCR models).
One thread each (OMP/ORT limits set before import).
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TEXT_LAYOUTS = {"photo", "review", "sms", "whiteboard", "photo12"}


def engine(name: str, max_side: int):
    """A callable image -> [(text, box)] for the named engine, loaded once."""
    if name == "tesseract":
        from checks.images import ocr
        ocr.MAX_SIDE = max_side
        return lambda im: [(ln.text, ln.box) for ln in ocr.read_text(im)]
    if name == "tesseract-cli":
        import io
        import subprocess
        from checks.images import ocr
        ocr.MAX_SIDE = max_side

        def cli(im):
            grey, back = ocr._prepare(im)
            buf = io.BytesIO()
            grey.save(buf, format="PPM")
            out = subprocess.run(["tesseract", "stdin", "stdout", "-l", "eng", "--psm", "11", "tsv"],
                                 input=buf.getvalue(), capture_output=True, check=True)
            return [(ln.text, ln.box) for ln in ocr._lines(out.stdout.decode(), back, *im.size)]
        return cli
    if name == "rapidocr":
        import numpy as np
        from rapidocr import RapidOCR
        eng = RapidOCR(params={"Global.log_level": "critical", "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                               "EngineConfig.onnxruntime.inter_op_num_threads": 1})
        from PIL import Image

        def run(im):
            w, h = im.size
            s = min(1.0, max_side / max(w, h))
            small = im.convert("RGB").resize((round(w * s), round(h * s)), Image.Resampling.LANCZOS) if s < 1 else im
            r = eng(np.asarray(small.convert("RGB")))
            out = []
            for txt, box in zip(r.txts or (), r.boxes if r.boxes is not None else ()):
                xs, ys = [p[0] / s for p in box], [p[1] / s for p in box]
                out.append((txt, (int(min(xs)), int(min(ys)), int(max(xs) - min(xs)), int(max(ys) - min(ys)))))
            return out
        return run
    raise SystemExit(f"unknown engine {name}")


def dump(args) -> None:
    from PIL import Image
    run = engine(args.engine, args.max_side)
    manifest = [json.loads(x) for x in open(args.corpus / "manifest.jsonl", encoding="utf-8")]
    todo = [m for m in manifest if m["layout"] in TEXT_LAYOUTS]
    if args.limit:
        todo = todo[: args.limit]
    warm = Image.new("RGB", (400, 120), "white")
    run(warm)
    with open(args.out, "w", encoding="utf-8") as f:
        for m in todo:
            im = Image.open(args.corpus / m["file"])
            im.load()
            c, k = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
            w = time.perf_counter()
            lines = run(im.convert("RGB"))
            k2 = resource.getrusage(resource.RUSAGE_CHILDREN)
            child = (k2.ru_utime + k2.ru_stime) - (k.ru_utime + k.ru_stime)  # the tesseract binary, if any
            f.write(json.dumps({"file": m["file"], "cpu_s": time.process_time() - c + child,
                                "wall_s": time.perf_counter() - w,
                                "lines": [{"text": t, "box": list(b)} for t, b in lines]}) + "\n")
            f.flush()
    print(json.dumps({"peak_rss_mb": peak_rss_mb()}))
    print(f"{args.engine}: {len(todo)} images -> {args.out}")


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def score_cmd(args) -> None:
    from scoring import Scorer
    manifest = {m["file"]: m for m in (json.loads(x) for x in open(args.corpus / "manifest.jsonl", encoding="utf-8"))}
    scorer = Scorer()
    print(f"{'dump':34}{'images':>7}{'PHI R ocr':>10}{'R text':>8}{'ratio':>7}{'p50 s':>7}{'p95 s':>7}"
          f"{'12MP p95':>9}")
    for path in args.dumps:
        rows = [json.loads(x) for x in open(path, encoding="utf-8")]
        ocr_texts = {r["file"]: "\n".join(ln["text"] for ln in r["lines"]) for r in rows}
        res = scorer.score({manifest[f]["source_id"]: t for f, t in ocr_texts.items()})
        cpu = sorted(r["cpu_s"] for r in rows)
        wall = sorted(r["wall_s"] for r in rows)
        big = sorted(r["wall_s"] for r in rows if manifest[r["file"]]["layout"] == "photo12")
        q = lambda xs, p: xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else float("nan")  # noqa: E731
        print(f"{Path(path).name:34}{len(rows):7d}{res['ocr']['R']:10.3f}{res['text']['R']:8.3f}"
              f"{res['ocr']['R'] / res['text']['R']:7.2f}{statistics.median(wall):7.2f}{q(wall, .95):7.2f}"
              f"{q(big, .95):9.2f}")
        for layout in sorted(TEXT_LAYOUTS):
            sub = {manifest[f]["source_id"]: t for f, t in ocr_texts.items() if manifest[f]["layout"] == layout}
            if sub:
                r2 = scorer.score(sub)
                print(f"    {layout:30}{len(sub):7d}{r2['ocr']['R']:10.3f}{r2['text']['R']:8.3f}"
                      f"{r2['ocr']['R'] / r2['text']['R']:7.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--engine", required=True)
    d.add_argument("--max-side", type=int, default=2600)
    d.add_argument("--limit", type=int, default=0)
    d.add_argument("corpus", type=Path)
    d.add_argument("out", type=Path)
    s = sub.add_parser("score")
    s.add_argument("corpus", type=Path)
    s.add_argument("dumps", nargs="+", type=Path)
    args = ap.parse_args()
    dump(args) if args.cmd == "dump" else score_cmd(args)


if __name__ == "__main__":
    main()
