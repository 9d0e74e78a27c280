#!/usr/bin/env python3
"""PERSON + LOCATION on real tweets (../shared/eval/phi_tweets_dev.jsonl, handles
neutral): the rules alone, the informal tagger cross-validated, and the shipped
tagger (checks/phi/informal_ner.npz), each with and without hashtag findings
(the corpus does not label names spelt as hashtags; ClearPost reports them).

Cross-validation: 5 folds by crc32(id) % 5, each fold tagged by a model trained
on the other four plus training/ner/drafts_own.jsonl (training/ner/train.py's
protocol). The shipped model has seen every tweet, so its tweet figure is a
training-set figure, printed for reference only; the synthetic corpus (never
trained on) is the held-out check that it does not cost tidy prose.

    .venv/bin/python benchmarks/tweets_benchmark.py [--no-cv]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training" / "ner"))

import train as T  # noqa: E402  (training/ner/train.py)

OWN = ROOT / "training" / "ner" / "drafts_own.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation (about two minutes)")
    args = ap.parse_args()
    from checks.phi.analyzer import PhiAnalyzer
    from checks.phi.informal_ner import InformalTagger
    analyzer = PhiAnalyzer(informal_ner=False)
    tweets = [T.Example(analyzer, r) for r in T.load(T.TWEETS)]
    print(f"{len(tweets)} tweets; overlap scoring; figures are PERSON, LOCATION and their micro P R F1\n")
    base = {e.id: T.findings(analyzer, e, None) for e in tweets}
    print(T.line("rules only", T.score(T.TWEETS, base)))
    print(T.line("rules only, no hashtag findings", T.score(T.TWEETS, T.no_hashtags(tweets, base))))
    if not args.no_cv:
        own = [T.Example(analyzer, r) for r in T.load(OWN)]
        cv = T.cross_validate(analyzer, tweets, own)
        print(T.line("tagger, 5-fold CV", T.score(T.TWEETS, cv)))
        print(T.line("tagger, 5-fold CV, no hashtags", T.score(T.TWEETS, T.no_hashtags(tweets, cv))))
    shipped = InformalTagger()
    preds = {e.id: T.findings(analyzer, e, shipped) for e in tweets}
    print(T.line("shipped tagger (trained on these)", T.score(T.TWEETS, preds)))
    print(T.line("shipped, no hashtags (trained on these)", T.score(T.TWEETS, T.no_hashtags(tweets, preds))))
    synth = [T.Example(analyzer, r) for r in T.load(T.SYNTH)]
    for name, w in (("synthetic, rules only", None), ("synthetic, shipped tagger", shipped)):
        rows = T.score(T.SYNTH, {e.id: T.findings(analyzer, e, w) for e in synth})
        print(T.line(name, rows), f"| all PHI P {rows['PHI_micro']['P']:.3f} R {rows['PHI_micro']['R']:.3f}")
    print("\ntargets: tweets P+L F1 >= 0.80 (cross-validated); synthetic all-PHI R >= 0.95, P >= 0.90")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
