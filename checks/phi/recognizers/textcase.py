"""Case helpers: posts are often typed all in lower case or ALL CAPS, where
capitalisation says nothing about names."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def case_style(text: str) -> str:
    """'lower' (no capital letter except at sentence starts), 'upper' (almost
    all capitals) or 'mixed' for the letters of ``text``. Cached: the recognizers and
    the analyzer's steps ask about the same draft (and its shouted reading) many times."""
    words = list(re.finditer(r"[^\W\d_]+", text))
    if len(words) < 4:
        return "mixed"
    letters = [c for c in text if c.isalpha() and (c.islower() or c.isupper())]
    lower = sum(c.islower() for c in letters)
    if lower <= 0.05 * len(letters):
        return "upper"
    for w in words:
        word = w.group(0)
        if not word[0].isupper() or not w.start() or _SENTENCE_START.search(text[max(0, w.start() - 4):w.start()]):
            continue
        if text[w.start() - 1] in "#@" or (word.isupper() and (len(word) > 1 or word == "I")):
            continue  # a tag's or handle's capitals, "I" and a shouted word say nothing of how names are typed
        return "mixed"
    return "lower"


_SENTENCE_START = re.compile(r"(?:^\s*|[.!?:\n>\"“]\s*)$")


def looks_capitalised(word: str, style: str) -> bool:
    """A name-like token for this text's case style."""
    if not word or not word[0].isalpha():
        return False
    if style == "mixed":
        return word[0].isupper()
    return True
