"""Scores each sentence of a draft for telling, confirming or asking about a
specific patient's care, with the linear model shipped in weights.npz.

The model is a logistic regression over hashed n-grams (features.py): it
runs in well under a millisecond per sentence on one core, needs no GPU or
download, and its weights are one 1 MB array in the repository. A draft's
sentences are scored one by one, each with the sentence before it as
context, so one confiding sentence in a long newsletter stands out instead
of being averaged away."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from checks.disclosure.features import DIM, featurise, normalise

WEIGHTS = Path(__file__).with_name("weights.npz")
# an attribution line ("— Carl Rogers") stays with the quote it attributes
# a title's or an initial's full stop ("Dr. Chen", "St. Johns", "César E. Chávez") ends no sentence
_TITLE_STOP = "".join(rf"(?<!\b{t}\.)" for t in ("Dr", "dr", "DR", "Mr", "mr", "MR", "Ms", "ms", "MS", "Mrs", "mrs",
                                                 "MRS", "Mx", "St", "ST", "Jr", "JR", "Sr", "Prof", "prof", "vs",
                                                 "etc", "approx")) + r"(?<!\b[A-Z]\.)"  # nor an initial
_SENTENCE_END = re.compile(_TITLE_STOP + r"(?<=[.!?])[\"')\]]*\s+(?![-–—~])|\n+(?![-–—~])|"
                           + _TITLE_STOP + r"(?<=[a-z][.!?])(?=[A-Z][a-z])"  # "end.Next", not "PDX.COM"
                           + r"|[ \t]+(?=[•▪][ \t])")  # a bullet opens an item when line breaks were lost
MAX_SENTENCE = 400
_WORDS = re.compile(r"[a-z]{2}")
_PLACEHOLDER = re.compile(r"<\w+>")


def has_words(normalised: str) -> bool:
    """Whether a normalised sentence has a word beyond identifier placeholders."""
    return bool(_WORDS.search(_PLACEHOLDER.sub(" ", normalised)))


@dataclass(frozen=True)
class ScoredSentence:
    start: int
    end: int
    probability: float


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at terminal punctuation and line breaks; very long
    runs without either are cut into MAX_SENTENCE windows."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while e - s > MAX_SENTENCE:
            out.append((s, s + MAX_SENTENCE))
            s += MAX_SENTENCE
        if not text[s:e].strip():
            continue
        if out and _TAGS_ONLY.match(text[s:e]) and text[out[-1][1]:s].count("\n") <= 1 \
                and out[-1][1] - out[-1][0] + (e - s) <= MAX_SENTENCE:
            out[-1] = (out[-1][0], e)  # "Another week of progress! #MariaSanchez": its tags belong to it
        else:
            out.append((s, e))
    return out


_TAGS_ONLY = re.compile(r"^(?=[^#@]*[#@]\w)(?:\s*(?:[#@][\w\-]+|[^\w\s#@]+))+\s*$")  # tags, with emoji or marks


class DisclosureModel:
    """Loaded once per process; ``score`` is pure and thread-safe."""

    def __init__(self, weights: np.ndarray):
        if weights.shape != (DIM,):
            raise ValueError(f"disclosure weights have shape {weights.shape}, expected ({DIM},)")
        self.weights = weights.astype(np.float32)

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> "DisclosureModel":
        with np.load(path) as data:
            return cls(data["weights"])

    def probability(self, features: np.ndarray) -> float:
        z = float(self.weights[features].sum()) / np.sqrt(len(features))
        return 1.0 / (1.0 + np.exp(-z))

    def score(self, text: str, spans: list[tuple[int, int, str]] = (),
              context: tuple[str, ...] = ()) -> list[ScoredSentence]:
        """One probability per sentence. ``spans`` are identifier spans
        (start, end, TYPE) in ``text``; ``context`` tags such as the platform."""
        out = []
        bounds = sentences(text)
        for i, (s, e) in enumerate(bounds):
            local = [(a - s, b - s, k) for a, b, k in spans if a >= s and b <= e]
            sentence = normalise(text[s:e], local)
            if not has_words(sentence):  # emoji, punctuation or a bare placeholder: says nothing
                out.append(ScoredSentence(s, e, 0.0))
                continue
            feats = featurise(sentence, context)
            out.append(ScoredSentence(s, e, self.probability(feats)))
        return out
