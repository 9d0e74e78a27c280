"""Compares ways of deciding whether a draft discloses something about a
specific patient, by 5-fold cross-validation over the training drafts
(training/disclosure/*.jsonl and tests/data/policy_posts.jsonl), at draft level:

- rules: the wording rules of checks/policy (everything but the model);
- naive Bayes: log-count ratios of the same hashed n-gram features;
- logistic regression: the shipped approach (checks/disclosure/train.py);
- rules + regression: what the policy check does (either blocks).

Also prints the regression's cost per 280-character draft (one core) and the
size of its weights. Outcome claims and e-mail opt-outs are left out: they
are not about a patient and have rules of their own.

    .venv/bin/python benchmarks/disclosure_benchmark.py [--folds 5]"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import zlib
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bot.domain import Draft, MessageRef  # noqa: E402
from bot.evaluation.harness import practice_profile_safe_values  # noqa: E402
from bot.textnorm import canonicalise  # noqa: E402
from checks.base import Analysis  # noqa: E402
from checks.disclosure.features import DIM  # noqa: E402
from checks.disclosure.model import DisclosureModel  # noqa: E402
from checks.disclosure.train import NOT_SENTENCE_LEVEL, examples, fit, load, with_bags  # noqa: E402
from checks.policy.check import PolicyCheck  # noqa: E402
from checks.reading import DISCLOSURE_THRESHOLD, read  # noqa: E402

FILES = sorted((ROOT / "training" / "disclosure").glob("*.jsonl")) + [ROOT / "tests" / "data" / "policy_posts.jsonl"]


def naive_bayes(feats: list[np.ndarray], labels: np.ndarray, alpha: float = 0.5) -> np.ndarray:
    pos, neg = np.full(DIM, alpha), np.full(DIM, alpha)
    for f, y in zip(feats, labels):
        (pos if y else neg)[f] += 1
    return (np.log(pos / pos.sum()) - np.log(neg / neg.sum())).astype(np.float32)


def draft_of(r: dict) -> Draft:
    return Draft(text=canonicalise(r["text"]).text, author="bench", ref=MessageRef("cli", "b", "b", r["id"]),
                 platforms=(r["platform"],) if r.get("platform") else ())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    from checks.phi.analyzer import PhiAnalyzer
    analyzer = PhiAnalyzer(safe_values=practice_profile_safe_values())
    records = [r for r in load(FILES)
               if not (r["label"] == "block" and any(k in (r.get("category") or "") for k in NOT_SENTENCE_LEVEL))]
    analyses = {r["id"]: analyzer.analyze(canonicalise(r["text"]).text) for r in records}
    cached = lambda text, _a={canonicalise(r["text"]).text: analyses[r["id"]] for r in records}: _a[text]  # noqa: E731
    wording = PolicyCheck([rule for rule in PolicyCheck.from_settings({}).rules if rule.name != "patient_disclosure"])
    y = np.array([r["label"] == "block" for r in records])
    fold = np.array([zlib.crc32(r["id"].encode()) % args.folds for r in records])
    scores = {"naive Bayes": np.zeros(len(records)), "logistic regression": np.zeros(len(records))}
    rules = np.zeros(len(records), dtype=bool)
    for i, r in enumerate(records):
        d = draft_of(r)
        rules[i] = any(f.severity.value == "block" for f in wording.run(d, Analysis(entities=analyses[r["id"]].entities)))
    for k in range(args.folds):
        train = [r for r, f in zip(records, fold) if f != k]
        feats, labels = with_bags(*examples(train, cached))
        models = {"naive Bayes": DisclosureModel(naive_bayes(feats, labels)),
                  "logistic regression": DisclosureModel(fit(feats, labels))}
        for i in np.where(fold == k)[0]:
            d, a = draft_of(records[i]), analyses[records[i]["id"]]
            for name, m in models.items():
                scores[name][i] = max((s.probability for s in read(d, a, m).sentences), default=0.0)
    print(f"{len(records)} drafts ({y.sum()} violating), {args.folds}-fold cross-validation, draft level")
    _row("rules (wording)", rules, y)
    for name, s in scores.items():
        for th in (0.5, DISCLOSURE_THRESHOLD, 0.8):
            _row(f"{name} >= {th}", s >= th, y)
    _row(f"rules + regression >= {DISCLOSURE_THRESHOLD}", rules | (scores["logistic regression"] >= DISCLOSURE_THRESHOLD), y)
    _cost(analyzer)
    return 0


def _row(name: str, blocked: np.ndarray, y: np.ndarray) -> None:
    print(f"  {name:34s} violating blocked {(blocked & y).sum() / y.sum():.3f}   "
          f"clean blocked {(blocked & ~y).sum() / (~y).sum():.3f}")


def _cost(analyzer) -> None:
    text = ("So proud of everyone who joined our spring wellness workshop! Next session is May 3 at 10am. "
            "Bring water, comfy clothes and a friend. Call us to save a seat or book online. We can't wait to "
            "see you there, and remember: small steps every day add up to big change over time!!")[:280]
    draft = draft_of({"id": "cost", "text": text})
    analysis = analyzer.analyze(text)
    model = DisclosureModel.load()
    times = []
    for _ in range(300):
        t0 = time.perf_counter()
        read(draft, analysis, model)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"reading a 280-character draft (roles + model): p50 {statistics.median(times) * 1e3:.2f} ms, "
          f"p95 {times[int(len(times) * 0.95)] * 1e3:.2f} ms; weights {model.weights.nbytes / 1e6:.1f} MB in memory, "
          f"{(ROOT / 'checks' / 'disclosure' / 'weights.npz').stat().st_size / 1e6:.1f} MB on disk")


if __name__ == "__main__":
    raise SystemExit(main())
