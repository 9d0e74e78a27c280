"""A name on a line of its own: e-mail signatures, contact cards and quoted
address blocks start with the person's name ("Gyala Antall", then the
company, then the street). Two or three capitalised words alone on a line,
not all of them dictionary words, are read as a name."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import MONTHS, STREET_WORDS, UNIT_WORDS, WEEKDAYS, is_country_or_state, is_vocabulary
from checks.phi.recognizers.base import NameRecognizer

_WORD = r"[^\W\d_][\w'’\-]+"
_BLOCK = STOP_WORDS | MONTHS | WEEKDAYS | STREET_WORDS | UNIT_WORDS
_OWNERS_TITLE = re.compile(r"(?P<name>[^\W\d_][\w\-]+(?:[ \t]+[^\W\d_][\w\-]+)?)['’]s[ \t]+(?:Story|Journey|Corner|Pick|Picks|"
                           r"Spotlight|Update|Words)")


class SignatureNameRecognizer(NameRecognizer):
    """"Jane Q Doe" alone on a line (or between ">" quote marks / wide gaps)."""

    ENTITY = "PERSON"
    PATTERNS = [Pattern(
        "signature",
        rf"(?:^|(?<=>)|(?<=\n))[ \t>]*(?P<v>{_WORD}(?:[ \t]+[A-Z]\.?)?[ \t]+{_WORD}(?:[ \t]+{_WORD})?)"
        r"(?=[ \t]*(?:\n|>|[ \t]{2,}|$))",
        0.7)]
    CONTEXT = []
    FLAGS = re.MULTILINE

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A title line about someone is their name and a word: "Marcus's Story" names Marcus."""
        owner = _OWNERS_TITLE.fullmatch(text, start, end)
        return (start, owner.end("name")) if owner else (start, end)

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        if " " not in pattern_text.strip():
            return False  # the name left of a title line ("Marcus" of "Marcus's Story")
        words = [w for w in pattern_text.split() if len(w.rstrip(".")) > 1]
        if len(words) < 2 or any(not w[0].isupper() or w.isupper() for w in words):
            return True
        if any(w.casefold() in _BLOCK for w in words) or is_country_or_state(pattern_text):
            return True
        if all(is_vocabulary(w, self.common_words) for w in words):
            return True  # "Spring Open House", "Mental Health Awareness"
        line_end = text.find("\n", end)
        rest = text[end:line_end if line_end >= 0 else len(text)]
        return bool(re.match(r"[ \t]*[^\s>]", rest)) and not re.match(r"[ \t]{2,}", rest)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if "\n" not in text and ">" not in text and "  " not in text:
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)
