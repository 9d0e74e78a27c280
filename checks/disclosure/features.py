"""What the disclosure model reads: hashed word uni- and bigrams and
character n-grams of one sentence, with identifiers replaced by their type.

Replacing a name with <person> and a date with <date> lets the model learn
"congrats <person> on finishing PT" once for every name; folding case and
digits makes "SEE U TUES" and "see u tues", "session 12" and "session 4"
the same input, and so does any month or weekday name. Hashing keeps the model a fixed-size array with no
vocabulary file to drift out of sync."""
from __future__ import annotations

import re
import zlib

import numpy as np

DIM = 1 << 18
_WORD = re.compile(r"<\w+>|[a-z0-9']+|[^\sa-z0-9]", re.IGNORECASE)
_DIGITS = re.compile(r"\d")
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2300-\u23FF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]")
# "!!!" says no more than "!": runs of a mark are one mark
_MARK_RUN = re.compile(r"([!?.])[!?.]+")
# one month or weekday is as good as another: "since January" and "in February" must not differ
_MONTH = re.compile(r"\b(?:january|february|march|april|june|july|august|september|october|november|december|"
                    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|"
                      r"fri|sat|sun)\b")


def normalise(sentence: str, spans: list[tuple[int, int, str]] = ()) -> str:
    """Lower-case text with identifier spans (offsets into ``sentence``) replaced by <type>."""
    out, last = [], 0
    for start, end, kind in sorted(spans):
        if start < last:
            continue
        out.append(sentence[last:start])
        out.append(f" <{kind.lower()}> ")
        last = end
    out.append(sentence[last:])
    text = "".join(out).lower().replace("'", "")
    text = _MARK_RUN.sub(r"\1", _EMOJI.sub(" ", text))
    text = _WEEKDAY.sub("<weekday>", _MONTH.sub("<month>", text))
    return _DIGITS.sub("0", text)


def _hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & (DIM - 1)


def tokens(text: str) -> list[str]:
    return [t for t in _WORD.findall(text) if t.strip()]


def featurise(text: str, context: tuple[str, ...] = ()) -> np.ndarray:
    """Sorted unique feature indices of a normalised sentence plus context tags
    (such as the target platform)."""
    toks = tokens(text)
    feats = {"w:" + t for t in toks}
    feats.update("b:" + a + " " + b for a, b in zip(toks, toks[1:]))
    feats.update("t:" + a + " " + b + " " + c for a, b, c in zip(toks, toks[1:], toks[2:]))
    for t in toks:
        if t.startswith("<") or len(t) < 4:
            continue
        padded = f"^{t}$"
        feats.update("c:" + padded[i:i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1))
    feats.update("x:" + c for c in context)
    feats.add("bias")
    return np.unique(np.fromiter((_hash(f) for f in feats), dtype=np.int64))
