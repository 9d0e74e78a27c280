"""An unfamiliar capitalised word that does what only people do: the subject
of "lives on", "was born", "grew up", "began writing", "is from", or a name
addressed at the start of a request ("Warrane, can I ..."). Catches given
names missing from the dictionary; vocabulary words never count."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import MONTHS, STREET_WORDS, WEEKDAYS, is_country_or_state, is_vocabulary
from checks.phi.recognizers.base import NameRecognizer
from checks.phi.recognizers.textcase import case_style

_WORD = r"[A-Z][^\W\d_]*[a-z][\w'’\-]*"
_HUMAN_VERB = (r"lives|lived|was[ \t]+born|grew[ \t]+up|began[ \t]+(?:writing|working|singing|painting|studying)|"
               r"is[ \t]+from|was[ \t]+from|moved[ \t]+to|works[ \t]+(?:as|at|for)|worked[ \t]+(?:as|at|for)|"
               r"studied|had[ \t]+given|has[ \t]+given|is[ \t]+very[ \t]+(?:reliable|kind|friendly|helpful)|"
               r"told[ \t]+(?:me|us|her|him)|said[ \t]+(?:that|she|he)")
_BLOCK = STOP_WORDS | MONTHS | WEEKDAYS | STREET_WORDS


class PersonVerbRecognizer(NameRecognizer):
    """Sentence-initial subject of a human verb, or a name addressed before a request."""

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("subject", rf"(?:^|(?<=[.!?\n\"“]\s)|(?<=[.!?\n\"“]))[ \t]*(?P<v>{_WORD})[ \t]+(?:{_HUMAN_VERB})\b", 0.6),
        Pattern("vocative", rf"(?:^|(?<=[.!?\n\"“]\s)|(?<=[.!?\n\"“]))[ \t]*(?P<v>{_WORD}),[ \t]+"
                            r"(?:can|could|would|will|please)[ \t]+(?:you|i|we)\b", 0.6),
    ]
    CONTEXT = []
    FLAGS = re.MULTILINE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        low = pattern_text.casefold()
        return (case_style(text) == "upper" or low in _BLOCK or is_vocabulary(pattern_text, self.common_words)
                or is_country_or_state(pattern_text))

    def validate_result(self, pattern_text: str) -> bool | None:
        return None
