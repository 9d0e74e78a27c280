"""A learned token tagger that decides PERSON and LOCATION on informal text.

Why: spaCy's small model and the hand-written recognizers do well on tidy
prose, but on real posts (lower case, ALL CAPS, hashtags, celebrities, chat
slang, brand names) they miss names and report headline words. The rules
cannot weigh dozens of weak signals against each other; a small model can.

How: for every spaCy token the tagger reads its shape and casing, the
project's own gazetteers (gender-guesser given names, Census surnames,
countries and states, a list of city names, dictionary words),
spaCy's POS and entity tag, the span the rule-based analyzer already chose
for it (type and recognizer), and the same for its neighbours. A multinomial
logistic regression over hashed features (weights in ``informal_ner.npz``,
trained by ``training/ner/train.py`` on labelled real tweets plus labelled
practice-style drafts) gives each token O / PERSON / LOCATION; runs of the same
label become spans. PhiAnalyzer adds the tagger's spans the rules missed and
retypes a rule's PERSON the tagger reads as a place (or the reverse); it can also drop a rule's name or place the tagger is sure of (``veto``), but the
shipped weights leave that off: tuned on tweets, the veto cost the tidy
synthetic records more recall than it bought on tweets (figures:
benchmarks/tweets_benchmark.py). spaCy's own contextual token vectors
(doc.tensor, already computed) are dense features beside the hashed ones.

Numpy only at run time; the weights load once per process (a few MB).
Nothing here sees or logs a token's text beyond computing its features."""
from __future__ import annotations

import functools
import os
import re
import zlib
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (MONTHS, WEEKDAYS, cities, common_surnames, given_names, is_country_or_state,
                                public_figures)

LABELS = ("O", "PERSON", "LOCATION")
DEFAULT_WEIGHTS = os.path.join(os.path.dirname(__file__), "informal_ner.npz")
HASH_BITS = 18
NEIGHBOURS = (-2, -1, 1, 2)
DENSE_DIM = 96  # en_core_web_sm's tok2vec width

_URLISH = re.compile(r"(?i)^(?:https?://|www\.|url\d*$)")
_ELONGATED = re.compile(r"(.)\1{2,}")


@functools.lru_cache(maxsize=1)
def _figure_words() -> frozenset[str]:
    return frozenset(w for n in public_figures() for w in n.split() if len(w) > 2)


_UPPER, _LOWER, _DIGIT = re.compile(r"[A-Z]"), re.compile(r"[a-z]"), re.compile(r"[0-9]")
_OTHER_LETTER = re.compile(r"[^\Wd_]")  # other letters (accents, scripts)
_REPEATED = re.compile(r"(.)\1{2,}")


@functools.lru_cache(maxsize=16384)
def _shape(word: str) -> str:
    """Cached: asked of every token of every draft, five regex passes each; words repeat."""
    s = _UPPER.sub("X", word)
    s = _LOWER.sub("x", s)
    s = _DIGIT.sub("d", s)
    s = _OTHER_LETTER.sub("x", s)
    return _REPEATED.sub(r"\1\1", s)


def _hashed(feats: list[str]) -> np.ndarray:
    mask = (1 << HASH_BITS) - 1
    return np.fromiter((zlib.crc32(f.encode("utf-8")) & mask for f in feats), dtype=np.int64, count=len(feats))


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int
    score: float


def token_features(text: str, doc, cands, style: str, ordinary, tuned_ents=None) -> list[list[str]]:
    """Feature strings per spaCy token. ``cands``: (start, end, entity_type, source) the rules
    chose; ``style``: the text's case style; ``ordinary(word)``: a dictionary word, not a name;
    ``tuned_ents``: (start, end, label) from the NER copy tuned on tweets, when there is one."""
    names, surnames = given_names(), common_surnames()
    city_names, city_heads = cities()
    figures = _figure_words()
    toks = list(doc)
    n = len(toks)
    # each token's text and span read once: spaCy builds a new string on every ``.text``
    texts = [t.text for t in toks]
    spans = [(t.idx, t.idx + len(w)) for t, w in zip(toks, texts)]
    lows = [w.casefold() for w in texts]

    # what the rules chose, per token
    cand_of = [None] * n
    for s, e, typ, src in cands:
        inside = [i for i, (a, b) in enumerate(spans) if a < e and s < b]
        for i in inside:
            cand_of[i] = (typ, src, "B" if i == inside[0] else "I")
    tuned = ["-"] * n
    for s, e, lab in tuned_ents or ():
        for i, (a, b) in enumerate(spans):
            if a < e and s < b:
                tuned[i] = lab
    # city n-grams (up to three tokens)
    in_city = [False] * n
    for i in range(n):
        low = lows[i]
        if low in city_names:
            in_city[i] = True
        if low in city_heads:
            for k in (2, 3):
                if i + k <= n and " ".join(lows[i:i + k]) in city_names:
                    for j in range(i, i + k):
                        in_city[j] = True

    basic = []
    for i, t in enumerate(toks):
        w = texts[i]
        prev = texts[i - 1] if i else ""
        hashtag = prev == "#" and not toks[i - 1].whitespace_
        handle = w.startswith("@")
        url = bool(_URLISH.match(w))
        low = lows[i]
        core = _ELONGATED.sub(r"\1\1", low)
        alpha = w.isalpha()
        f = {
            "shape": "@" if handle else ("url" if url else _shape(w)),
            "pos": t.pos_,
            "ent": (t.ent_type_ or "O"),
        }
        flags = []
        if alpha:
            if low in names:
                flags.append("given")
            if low in surnames:
                flags.append("surname")
            if low in STOP_WORDS:
                flags.append("stop")
            elif ordinary(w):
                flags.append("word")
            if low in MONTHS or low in WEEKDAYS:
                flags.append("date")
            if low in figures:
                flags.append("figure")
        if is_country_or_state(w) and alpha:
            flags.append("country")
        if in_city[i]:
            flags.append("city")
        if hashtag:
            flags.append("hashtag")
        if handle:
            flags.append("handle")
        if url:
            flags.append("url")
        if w[:1].isupper() and w[1:].islower():
            flags.append("title")
        elif w.isupper() and alpha:
            flags.append("caps")
        elif w.islower() and alpha:
            flags.append("lower")
        if i == 0 or toks[i - 1].is_sent_start is None or t.is_sent_start or prev in (".", "!", "?", ":", "\n"):
            flags.append("opens")
        c = cand_of[i]
        f["cand"] = f"{c[0]}" if c else "-"
        f["src"] = f"{c[1]}" if c else "-"
        f["ci"] = c[2] if c else "-"
        f["word"] = core if not (handle or url) else ("<@>" if handle else "<url>")
        f["flags"] = flags
        f["tuned"] = tuned[i]
        basic.append(f)

    out = []
    for i, f in enumerate(basic):
        feats = ["bias", f"w={f['word']}", f"shape={f['shape']}", f"pos={f['pos']}", f"ent={f['ent']}",
                 f"cand={f['cand']}", f"src={f['src']}", f"ci={f['cand']}{f['ci']}", f"style={style}",
                 f"suf3={f['word'][-3:]}", f"pre3={f['word'][:3]}",
                 # more of the word's spelling: names the gazetteers lack still end like names
                 f"suf2={f['word'][-2:]}", f"suf4={f['word'][-4:]}", f"pre2={f['word'][:2]}",
                 f"pre4={f['word'][:4]}", f"len={min(len(f['word']), 10)}",
                 f"shape|ent={f['shape']}|{f['ent']}", f"style|shape={style}|{f['shape']}",
                 f"style|cand={style}|{f['cand']}", f"cand|ent={f['cand']}|{f['ent']}",
                 f"pos|shape={f['pos']}|{f['shape']}", f"src|style={f['src']}|{style}"]
        if tuned_ents is not None:
            feats += [f"tuned={f['tuned']}", f"tuned|cand={f['tuned']}|{f['cand']}", f"tuned|style={f['tuned']}|{style}",
                      f"tuned|shape={f['tuned']}|{f['shape']}", f"tuned|ent={f['tuned']}|{f['ent']}"]
        feats += [f"f={x}" for x in f["flags"]]
        feats += [f"f|style={x}|{style}" for x in f["flags"]]
        feats += [f"f|cand={x}|{f['cand']}" for x in f["flags"]]
        for d in NEIGHBOURS:
            j = i + d
            if 0 <= j < len(basic):
                g = basic[j]
                feats += [f"{d}w={g['word']}", f"{d}shape={g['shape']}", f"{d}pos={g['pos']}", f"{d}ent={g['ent']}",
                          f"{d}cand={g['cand']}"]
                if tuned_ents is not None:
                    feats.append(f"{d}tuned={g['tuned']}")
                feats += [f"{d}f={x}" for x in g["flags"] if x in ("given", "surname", "city", "title", "caps",
                                                                     "lower", "word", "stop", "hashtag", "country")]
            else:
                feats.append(f"{d}edge")
        if i > 0:
            feats.append(f"-1w|w={basic[i - 1]['word']}|{f['word']}")
        if i + 1 < len(basic):
            feats.append(f"w|+1w={f['word']}|{basic[i + 1]['word']}")
        out.append(feats)
    return out


def dense_features(doc) -> np.ndarray:
    """spaCy's own contextual token vectors (the small model's tok2vec output, which its
    tagger, parser and NER read) for each token and its two neighbours: they carry what
    the context says about a word the gazetteers do not know."""
    t = doc.tensor
    n = len(doc)
    if t is None or t.shape[0] != n or n == 0:
        return np.zeros((n, 3 * DENSE_DIM), dtype=np.float32)
    t = np.asarray(t, dtype=np.float32)
    pad = np.zeros((1, t.shape[1]), dtype=np.float32)
    prev = np.vstack([pad, t[:-1]])
    nxt = np.vstack([t[1:], pad])
    return np.hstack([t, prev, nxt])


class InformalTagger:
    """Loads the shipped weights once; ``spans`` tags one analysed text."""

    def __init__(self, path: str = DEFAULT_WEIGHTS):
        data = np.load(path)
        self.W = data["W"].astype(np.float32)  # (2**HASH_BITS, len(LABELS)): hashed sparse features
        self.D = data["D"].astype(np.float32)  # (3 * DENSE_DIM, len(LABELS)): contextual vectors
        self.mu, self.sd = data["mu"].astype(np.float32), data["sd"].astype(np.float32)
        self.b = data["b"].astype(np.float32)
        self.min_prob = float(data["min_prob"])  # a token's label needs this probability
        self.veto = float(data["veto"])  # a rule's name or place is dropped when P(O) is this sure

    def token_probs(self, text: str, doc, cands, style: str, ordinary) -> np.ndarray:
        """(tokens, 3) probabilities of O / PERSON / LOCATION."""
        feats = token_features(text, doc, cands, style, ordinary)
        if not feats:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        X = (dense_features(doc) - self.mu) / self.sd
        # the same sums as probabilities(), hashed and gathered in one pass: a long post has
        # tens of thousands of feature strings, and per-token numpy calls cost more than the maths
        mask = (1 << HASH_BITS) - 1
        # (a list comprehension then one mask over the array: faster than a generator into fromiter)
        crc32 = zlib.crc32
        flat = np.array([crc32(x.encode("utf-8")) for f in feats for x in f], dtype=np.int64) & mask
        starts = np.cumsum([0] + [len(f) for f in feats[:-1]])
        logits = np.add.reduceat(self.W[flat], starts, axis=0) + X @ self.D + self.b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)


def probabilities(W: np.ndarray, D: np.ndarray, b: np.ndarray, rows: list[np.ndarray], X: np.ndarray) -> np.ndarray:
    logits = np.stack([W[r].sum(axis=0) for r in rows]) + X @ D + b
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


def vetoed(toks, probs: np.ndarray, start: int, end: int, veto: float) -> bool:
    """The tagger is sure (mean P(O) >= ``veto`` over its word tokens) that
    characters start..end hold no name or place."""
    ps = [probs[i, 0] for i, t in enumerate(toks) if t.idx < end and start < t.idx + len(t.text)
          and t.text[:1].isalnum()]
    return bool(ps) and float(np.mean(ps)) >= veto


def decode(toks, probs: np.ndarray, min_prob: float = 0.5) -> list[Span]:
    """Runs of tokens whose best non-O label beats ``min_prob`` become spans
    (a run of one label; punctuation between tokens ends it)."""
    out: list[Span] = []
    cur = None  # [label, start, end, best probability]
    for t, p in zip(toks, probs):
        k = int(np.argmax(p[1:])) + 1
        label = LABELS[k] if p[k] >= min_prob and t.text[:1].isalnum() else None
        if label is not None and cur is not None and cur[0] == label and t.idx - cur[2] <= 1:
            cur[2], cur[3] = t.idx + len(t.text), max(cur[3], float(p[k]))
            continue
        if cur is not None:
            out.append(Span(cur[0], cur[1], cur[2], round(cur[3], 3)))
            cur = None
        if label is not None:
            cur = [label, t.idx, t.idx + len(t.text), float(p[k])]
    if cur is not None:
        out.append(Span(cur[0], cur[1], cur[2], round(cur[3], 3)))
    return out
