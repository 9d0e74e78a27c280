"""Trains the informal PERSON/LOCATION tagger (checks/phi/informal_ner.py) and
reports its cross-validated figures.

    .venv/bin/python training/ner/train.py [--out checks/phi/informal_ner.npz] [--own FILE.jsonl ...]

Data: ../shared/eval/phi_tweets_dev.jsonl (real tweets, Apache-2.0; PERSON and
LOCATION labelled, handles neutral) plus any --own files of labelled drafts
written for this project (same JSONL shape). Never evals/ or the synthetic
corpus: those stay evaluation sets.

Protocol: tweets are split into 5 folds by crc32(id) % 5; each fold is tagged
by a model trained on the other four (plus the own files), and the folds'
predictions together are scored with the shared scorer. The shipped model is
then trained on everything. Training is deterministic (fixed seed, fixed order),
numpy only: multinomial logistic regression on hashed features, AdaGrad."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checks.phi import informal_ner as ner  # noqa: E402
from checks.phi.recognizers.textcase import case_style  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
TWEETS = SHARED / "phi_tweets_dev.jsonl"
SYNTH = SHARED / "phi_synth_dev.jsonl"
SCORER = SHARED / "score.py"
FOLDS = 5
SEED = 16
# the shipped decision thresholds, chosen on the cross-validated tweets (docs/phi.md): a token's
# label needs P >= MIN_PROB; a spaCy or name-list span is dropped when mean P(O) >= VETO
MIN_PROB = 0.5
VETO = 0.95


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold_of(rid: str) -> int:
    return zlib.crc32(str(rid).encode()) % FOLDS


class Example:
    """One text: its doc, the rules' candidates, hashed features and gold token labels."""

    def __init__(self, analyzer, rec: dict):
        self.id, self.text = str(rec["id"]), rec["text"]
        self.work = analyzer._unshouted(self.text)  # what PhiAnalyzer.analyze reads (same offsets)
        self.doc, self.chosen = analyzer.candidates(self.work)
        self.style = case_style(self.work)
        cands = [(c.start, c.end, c.entity_type, c.source) for c in self.chosen]
        feats = ner.token_features(self.work, self.doc, cands, self.style, analyzer._ordinary_word)
        self.rows = [ner._hashed(f) for f in feats]
        self.X = ner.dense_features(self.doc)
        gold = [(s["start"], s["end"], s["label"]) for s in rec.get("spans", ()) if s["label"] in ner.LABELS]
        self.y = np.zeros(len(self.rows), dtype=np.int64)
        for i, t in enumerate(self.doc):
            for s, e, lab in gold:
                if t.idx < e and s < t.idx + len(t.text) and t.text[:1].isalnum():
                    self.y[i] = ner.LABELS.index(lab)


class Model:
    """Weights as PhiAnalyzer's tagger holds them (duck-types InformalTagger)."""

    def __init__(self, W, D, b, mu, sd, min_prob=0.5, veto=0.95):
        self.W, self.D, self.b, self.mu, self.sd, self.min_prob, self.veto = W, D, b, mu, sd, min_prob, veto

    def probs(self, ex: Example) -> np.ndarray:
        return ner.probabilities(self.W, self.D, self.b, ex.rows, (ex.X - self.mu) / self.sd)

    def token_probs(self, text, doc, cands, style, ordinary):
        feats = ner.token_features(text, doc, cands, style, ordinary)
        if not feats:
            return np.zeros((0, len(ner.LABELS)), dtype=np.float32)
        X = (ner.dense_features(doc) - self.mu) / self.sd
        return ner.probabilities(self.W, self.D, self.b, [ner._hashed(f) for f in feats], X)

    def save(self, path: Path) -> None:
        np.savez_compressed(path, W=self.W.astype(np.float16), D=self.D, b=self.b, mu=self.mu, sd=self.sd,
                            min_prob=np.float32(self.min_prob), veto=np.float32(self.veto))


def train(examples: list[Example], epochs: int = 10, lr: float = 0.3, l2: float = 1e-3, dense_l2: float = 0.1,
          o_weight: float = 1.0, dense: bool = True, sparse: bool = True, min_prob: float = MIN_PROB,
          veto: float = VETO) -> Model:
    """Multinomial logistic regression, AdaGrad on mini-batches of 32 tokens, L2 on the
    touched rows; fixed seed and order."""
    rows = [r for ex in examples for r in ex.rows]
    y = np.concatenate([ex.y for ex in examples])
    X = np.vstack([ex.X for ex in examples]).astype(np.float64)
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-6
    X = (X - mu) / sd
    if not dense:
        X[:] = 0.0
    k = len(ner.LABELS)
    W = np.zeros((1 << ner.HASH_BITS, k))
    D = np.zeros((X.shape[1], k))
    b = np.zeros(k)
    GW, GD, Gb = np.full_like(W, 1e-8), np.full_like(D, 1e-8), np.full(k, 1e-8)
    cw = np.array([o_weight] + [1.0] * (k - 1))
    rng = np.random.default_rng(SEED)
    batch = 32
    for _ in range(epochs):
        order = rng.permutation(len(rows))
        for s in range(0, len(order), batch):
            ids = order[s:s + batch]
            idx = [rows[i] for i in ids]
            logits = X[ids] @ D + b
            if sparse:
                logits += np.stack([W[r].sum(axis=0) for r in idx])
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            g = p
            g[np.arange(len(ids)), y[ids]] -= 1.0
            g *= cw[y[ids]][:, None]
            if sparse:
                flat = np.concatenate(idx)
                rep = np.repeat(g, [len(r) for r in idx], axis=0)
                uniq, inv = np.unique(flat, return_inverse=True)
                grad = np.zeros((len(uniq), k))
                np.add.at(grad, inv, rep)
                grad += l2 * W[uniq]
                GW[uniq] += grad ** 2
                W[uniq] -= lr * grad / np.sqrt(GW[uniq])
            if dense:
                gd = X[ids].T @ g + dense_l2 * D
                GD += gd ** 2
                D -= lr * gd / np.sqrt(GD)
            gb = g.sum(axis=0)
            Gb += gb ** 2
            b -= lr * gb / np.sqrt(Gb)
    f32 = np.float32
    return Model(W.astype(f32), D.astype(f32), b.astype(f32), mu.astype(f32), sd.astype(f32), min_prob, veto)


def findings(analyzer, ex: Example, weights) -> list[dict]:
    """What PhiAnalyzer.analyze reports for this text with ``weights`` as its tagger
    (None: rules only), handles dropped."""
    chosen = ex.chosen
    if weights is not None:
        analyzer._informal = weights
        chosen = analyzer._arbitrate(ex.work, ex.doc, ex.chosen, typed=ex.text)
    return [{"start": c.start, "end": c.end, "entity": c.entity_type} for c in chosen if c.entity_type != "HANDLE"]


def in_hashtag(text: str, f: dict) -> bool:
    i = f["start"]
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[f["start"]] == "#" or (i > 0 and text[i - 1] == "#")


def score(gold: Path, preds: dict[str, list[dict]], labels=("PERSON", "LOCATION")) -> dict:
    """score.py over ``preds`` -> {label: (P, R, F1)} and micro over ``labels``."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for rid, fs in preds.items():
            f.write(json.dumps({"id": rid, "findings": fs}) + "\n")
        path = f.name
    try:
        out = subprocess.run([sys.executable, str(SCORER), str(gold), path], capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    rows = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] in (*labels, "PHI_micro") and len(parts) == 6:
            sup, pred, P, R, F = parts[1:]
            rows[parts[0]] = {"support": int(sup), "predicted": int(pred), "P": _num(P), "R": _num(R), "F1": _num(F)}
    tp = sum(rows[lab]["R"] * rows[lab]["support"] for lab in labels if lab in rows and rows[lab]["R"] is not None)
    sup = sum(rows[lab]["support"] for lab in labels if lab in rows)
    tpp = sum(rows[lab]["P"] * rows[lab]["predicted"] for lab in labels if lab in rows and rows[lab]["P"] is not None)
    pred = sum(rows[lab]["predicted"] for lab in labels if lab in rows)
    P, R = (tpp / pred if pred else 0.0), (tp / sup if sup else 0.0)
    rows["micro"] = {"P": P, "R": R, "F1": 2 * P * R / (P + R) if P + R else 0.0}
    return rows


def _num(s):
    return None if s == "-" else float(s)


def line(name: str, rows: dict) -> str:
    def prf(r):
        return "  -    -    -  " if r is None else f"{r['P']:.3f} {r['R']:.3f} {r['F1']:.3f}"
    return (f"{name:<34} PERSON {prf(rows.get('PERSON'))} | LOCATION {prf(rows.get('LOCATION'))} | "
            f"P+L micro {prf(rows['micro'])}")


def cross_validate(analyzer, tweets: list[Example], own: list[Example], **kw) -> dict[str, list[dict]]:
    preds = {}
    for k in range(FOLDS):
        w = train([e for e in tweets if fold_of(e.id) != k] + own, **kw)
        for e in tweets:
            if fold_of(e.id) == k:
                preds[e.id] = findings(analyzer, e, w)
    return preds


def no_hashtags(examples: list[Example], preds: dict[str, list[dict]]) -> dict[str, list[dict]]:
    text = {e.id: e.text for e in examples}
    return {rid: [f for f in fs if not in_hashtag(text[rid], f)] for rid, fs in preds.items()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path(ner.DEFAULT_WEIGHTS))
    ap.add_argument("--own", type=Path, nargs="*", default=[ROOT / "training" / "ner" / "drafts_own.jsonl"])
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--min-prob", type=float, default=MIN_PROB, help="a token's label needs this probability")
    ap.add_argument("--veto", type=float, default=VETO,
                    help="drop a spaCy or name-list name/place when the tagger's P(O) is at least this (2.0: never)")
    args = ap.parse_args()
    from checks.phi.analyzer import PhiAnalyzer
    analyzer = PhiAnalyzer(informal_ner=False)
    tweets = [Example(analyzer, r) for r in load(TWEETS)]
    own = [Example(analyzer, r) for p in args.own for r in load(p)]
    print(f"{len(tweets)} tweets ({FOLDS} folds by crc32(id)), {len(own)} own labelled drafts")

    base = {e.id: findings(analyzer, e, None) for e in tweets}
    print(line("rules only (baseline)", score(TWEETS, base)))
    print(line("rules only, no hashtag findings", score(TWEETS, no_hashtags(tweets, base))))
    cv = cross_validate(analyzer, tweets, own, min_prob=args.min_prob, veto=args.veto)
    print(line(f"tagger, {FOLDS}-fold CV", score(TWEETS, cv)))
    print(line(f"tagger, {FOLDS}-fold CV, no hashtag findings", score(TWEETS, no_hashtags(tweets, cv))))

    model = train(tweets + own, min_prob=args.min_prob, veto=args.veto)
    synth = [Example(analyzer, r) for r in load(SYNTH)]
    labels = ("PERSON", "LOCATION")
    sb = score(SYNTH, {e.id: findings(analyzer, e, None) for e in synth}, labels)
    st = score(SYNTH, {e.id: findings(analyzer, e, model) for e in synth}, labels)
    print(line("synthetic, rules only", sb), f"| all PHI P {sb['PHI_micro']['P']:.3f} R {sb['PHI_micro']['R']:.3f}")
    print(line("synthetic, tagger (all tweets)", st), f"| all PHI P {st['PHI_micro']['P']:.3f} "
          f"R {st['PHI_micro']['R']:.3f}")
    if not args.no_save:
        model.save(args.out)
        print(f"weights -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
