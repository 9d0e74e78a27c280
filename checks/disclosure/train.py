"""Trains the disclosure model's weights from labelled drafts.

    .venv/bin/python -m checks.disclosure.train [--out checks/disclosure/weights.npz] FILE.jsonl ...

Input lines: {"text", "label": "block"|"clear", "platform"?, "sentence"?, "category"?}
(or the policy corpus's {"text", "platforms", "expected_rules"}). Every sentence
of a clean draft is a negative example; the marked ``sentence`` of a
violating draft is a positive one; of an unmarked violating draft of up to
three sentences, the one a first model finds most telling (resolve_bags). Identifiers are found by the real PHI analyzer, so training
sees the same <person>/<date> placeholders as the check does. Training is
deterministic (fixed seed), so the shipped weights can be rebuilt exactly."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from checks.disclosure.features import DIM, featurise, normalise
from checks.disclosure.model import WEIGHTS, has_words, sentences
from checks.disclosure.spans import context_tags
from checks.reading import model_spans, roles_of
from checks.roles import staff_first_names
from bot.textnorm import canonicalise

# violations that are about the form of the whole message, not a sentence about a patient
MAX_BAG = 3  # an unmarked violating draft longer than this teaches nothing sentence by sentence
NOT_SENTENCE_LEVEL = ("opt_out", "optout", "unsubscribe", "email_marketing", "outcome", "guarantee", "cure_claim")


def load(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        for line in path.read_text().splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if "label" not in r:  # the policy corpus
                r["label"] = "block" if r.get("expected_rules") else "clear"
                r["category"] = ",".join(r.get("expected_rules", []))
                r["platform"] = (r.get("platforms") or [None])[0]
            records.append(r)
    return records


def examples(records: list[dict], analyze, colleagues: frozenset[str] = frozenset()
             ) -> tuple[list[np.ndarray], np.ndarray, list[list[np.ndarray]]]:
    """Labelled sentence features, plus one bag per unmarked violating draft of a few sentences:
    at least one sentence of a bag discloses, but which is unknown ("Thanks for the review! See
    you Tuesday for your crown"). ``colleagues``: the example profile's staff first names,
    marked as the check marks them."""
    feats, labels, bags = [], [], []
    for r in records:
        text = canonicalise(r["text"]).text  # what the checks see: quotes folded, invisibles gone
        if r["label"] == "block" and any(k in (r.get("category") or "") for k in NOT_SENTENCE_LEVEL):
            continue
        analysis = analyze(text)
        spans = model_spans(text, analysis, roles_of(text, analysis, colleagues), colleagues)
        context = context_tags((r["platform"],) if r.get("platform") else (), bool(r.get("photo")))
        bounds = sentences(text)
        marked = canonicalise(r.get("sentence") or "").text
        m0 = text.find(marked) if marked else -1
        bag = []
        for i, (s, e) in enumerate(bounds):
            if r["label"] == "clear":
                y = 0
            elif m0 >= 0:
                if not (s < m0 + len(marked) and m0 < e):
                    continue
                y = 1
            elif len(bounds) <= MAX_BAG:
                y = None
            else:
                continue
            local = [(a - s, b - s, k) for a, b, k in spans if a >= s and b <= e]
            if not has_words(normalise(text[s:e], local)):
                continue
            x = featurise(normalise(text[s:e], local), context)
            if y is None:
                bag.append(x)
            else:
                feats.append(x)
                labels.append(y)
        if len(bag) == 1:
            feats.append(bag[0])
            labels.append(1)
        elif bag:
            bags.append(bag)
    return feats, np.array(labels, dtype=np.float32), bags


def with_bags(feats: list[np.ndarray], labels: np.ndarray, bags: list[list[np.ndarray]]
              ) -> tuple[list[np.ndarray], np.ndarray]:
    """The sentence of each bag that a model of the labelled sentences finds most telling
    becomes its positive (multiple-instance learning, one round), so a greeting beside a
    disclosure stays neutral."""
    w = fit(feats, labels)
    chosen = [max(bag, key=lambda x: float(w[x].sum()) / np.sqrt(len(x))) for bag in bags]
    return feats + chosen, np.concatenate([labels, np.ones(len(chosen), dtype=np.float32)])


def fit(feats: list[np.ndarray], labels: np.ndarray, epochs: int = 25, lr: float = 0.3, l2: float = 1e-5,
        seed: int = 7) -> np.ndarray:
    """Logistic regression by AdaGrad over L2-normalised binary features, classes weighted to balance."""
    rng = np.random.default_rng(seed)
    w = np.zeros(DIM, dtype=np.float64)
    g2 = np.full(DIM, 1e-8)
    pos = labels.mean()
    weight = np.where(labels == 1, 0.5 / max(pos, 1e-6), 0.5 / max(1 - pos, 1e-6))
    for _ in range(epochs):
        for j in rng.permutation(len(feats)):
            idx = feats[j]
            x = 1.0 / np.sqrt(len(idx))
            z = w[idx].sum() * x
            p = 1.0 / (1.0 + np.exp(-z))
            grad = weight[j] * (p - labels[j]) * x + l2 * w[idx]
            g2[idx] += grad * grad
            w[idx] -= lr * grad / np.sqrt(g2[idx])
    return w.astype(np.float32)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args()
    from checks.phi.analyzer import PhiAnalyzer
    from bot.evaluation.harness import practice_profile_safe_values
    analyzer = PhiAnalyzer(safe_values=practice_profile_safe_values())
    from bot.config import load_config
    from bot.evaluation.harness import PROFILE
    colleagues = staff_first_names(load_config(PROFILE, environ={}).profile.practice.staff)
    feats, labels, bags = examples(load(args.files), analyzer.analyze, colleagues)
    feats, labels = with_bags(feats, labels, bags)
    w = fit(feats, labels)
    np.savez_compressed(args.out, weights=w)
    print(f"trained on {len(labels)} sentences ({int(labels.sum())} positive); wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
