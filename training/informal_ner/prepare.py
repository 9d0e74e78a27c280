"""Builds spaCy training files for the informal-text name model from labelled
JSONL corpora ({"text", "spans": [{"start", "end", "label"}]}).

    .venv/bin/python training/informal_ner/prepare.py OUT_DIR --folds 5 CORPUS.jsonl ...

Only PERSON and LOCATION are learned (the PHI types informal text hides
best); handles, organisations and the rest are left unlabelled. With
--folds K the records are split by a hash of their id into K folds and
OUT_DIR/fold{i}/{train,dev}.spacy are written for cross-validation, plus
OUT_DIR/all/train.spacy with everything for the shipped model."""
from __future__ import annotations

import argparse
import json
import zlib
from pathlib import Path

import spacy
from spacy.tokens import DocBin

LABELS = ("PERSON", "LOCATION")


def docs(nlp, records):
    out = []
    for r in records:
        doc = nlp.make_doc(r["text"])
        ents, taken = [], set()
        for s in sorted(r.get("spans", []), key=lambda s: s["start"]):
            if s["label"] not in LABELS:
                continue
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            ents.append(span)
        doc.ents = ents
        out.append(doc)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    nlp = spacy.blank("en")
    records = [json.loads(line) for p in args.corpora for line in p.read_text().splitlines() if line.strip()]
    fold_of = [zlib.crc32(r["id"].encode()) % args.folds for r in records]
    for k in range(args.folds):
        d = args.out / f"fold{k}"
        d.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs(nlp, [r for r, f in zip(records, fold_of) if f != k])).to_disk(d / "train.spacy")
        DocBin(docs=docs(nlp, [r for r, f in zip(records, fold_of) if f == k])).to_disk(d / "dev.spacy")
    (args.out / "all").mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs(nlp, records)).to_disk(args.out / "all" / "train.spacy")
    print(f"{len(records)} records, {args.folds} folds -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
