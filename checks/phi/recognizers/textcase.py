"""Case helpers: posts are often typed all in lower case or ALL CAPS, where
capitalisation says nothing about names."""
from __future__ import annotations


def case_style(text: str) -> str:
    """'lower', 'upper' or 'mixed' for the letters of ``text``."""
    letters = [c for c in text if c.isalpha() and (c.islower() or c.isupper())]
    if len(letters) < 8:
        return "mixed"
    lower = sum(c.islower() for c in letters)
    if lower >= 0.97 * len(letters):
        return "lower"
    if lower <= 0.03 * len(letters):
        return "upper"
    return "mixed"


def looks_capitalised(word: str, style: str) -> bool:
    """A name-like token for this text's case style."""
    if not word or not word[0].isalpha():
        return False
    if style == "mixed":
        return word[0].isupper()
    return True
