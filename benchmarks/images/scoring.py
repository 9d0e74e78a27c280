"""PHI recall on text read from images vs on the same texts as typed (shared by the image benchmarks).

The project's analyzer (checks.phi.analyzer.PhiAnalyzer with the example practice, as benchmarks/phi_benchmark.py
builds it) runs on the original text of each corpus record and on the text recognised in that record's image.
Findings in the recognised text are mapped back onto the original's characters by aligning the two strings
(difflib), so the shared scorer (../shared/eval/score.py, overlap mode) scores both against the same labelled spans.
A finding whose characters align with nothing in the original (misread text, app chrome) cannot hit a span.
Nothing here prints text.
"""
from __future__ import annotations

import difflib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "eval" / "phi_synth_dev.jsonl"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def map_back(ocr: str, original: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans over the OCR text -> spans over the original text (only characters that align)."""
    sm = difflib.SequenceMatcher(None, ocr.lower(), original.lower(), autojunk=False)
    where: dict[int, int] = {}
    for i, j, n in sm.get_matching_blocks():
        for k in range(n):
            where[i + k] = j + k
    out = []
    for s, e, label in spans:
        hit = [where[k] for k in range(s, e) if k in where]
        if hit:
            out.append((min(hit), max(hit) + 1, label))
    return out


class Scorer:
    """Builds the analyzer once; scores dicts {record id: recognised text}."""

    def __init__(self, corpus: Path = CORPUS):
        sys.path.insert(0, str(ROOT))
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from checks.phi.analyzer import PhiAnalyzer
        from phi_benchmark import practice_values
        self.analyzer = PhiAnalyzer(practice_values())
        self.gold = {}
        with open(corpus, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                self.gold[rec["id"]] = rec
        self.mod = _score_module()
        self._plain: dict[str, list[tuple[int, int, str]]] = {}

    def findings(self, text: str) -> list[tuple[int, int, str]]:
        return [(e.start, e.end, e.entity_type) for e in self.analyzer.analyze(text).entities]

    def _preds(self, found: list[tuple[int, int, str]]) -> set:
        labels = self.mod.ENTITY_TO_LABEL
        return {(s, e, labels[t.split(":")[0].upper()]) for s, e, t in found
                if t.split(":")[0].upper() in labels}

    def score(self, ocr_texts: dict[str, str]) -> dict[str, dict]:
        """{'ocr': PHI_micro row, 'text': PHI_micro row} over the given records (the scorer's P/R/F1/support)."""
        gold = [self.gold[rid] for rid in ocr_texts]
        plain, read = {}, {}
        for rid, text in ocr_texts.items():
            original = self.gold[rid]["text"]
            if rid not in self._plain:
                self._plain[rid] = self.findings(original)
            plain[rid] = self._preds(self._plain[rid])
            read[rid] = self._preds(map_back(text, original, self.findings(text)) if text.strip() else [])
        return {"ocr": self.mod.score(gold, read, "overlap")["PHI_micro"],
                "text": self.mod.score(gold, plain, "overlap")["PHI_micro"]}
