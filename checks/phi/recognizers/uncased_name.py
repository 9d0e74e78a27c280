"""Given names typed without their capital ("so proud of lily", "thank u
derek") or in capitals ("TOMMY"): phones and chat drop case, and the small
spaCy model then misses the name. A word counts only when it is a known given
name that is not also an English word, stop word, chat shorthand or town, so
"will", "may" or "art" stay words and "austin" a place unless the sentence makes
it someone (checks/phi/recognizers/human_context.py)."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import MONTHS, STREET_WORDS, WEEKDAYS, cities, given_names, is_chat_word, is_country_or_state, is_vocabulary
from checks.phi.recognizers.base import NameRecognizer

_ORGANISATIONS = {"nami", "samhsa", "nasa", "unicef", "ymca", "ywca", "aarp", "osha", "fema", "espn"}


class UncasedNameRecognizer(NameRecognizer):
    """A lower-case or ALL-CAPS known given name that is no English word, as PERSON."""

    ENTITY = "PERSON"
    PATTERNS = [
        # (not the first piece of a hyphenated word: "meta-analysis"; a last piece may be a name: "Ha-eun")
        # (any lower-case letters: a name typed without its capital keeps its accent, "tomás", "zoë")
        Pattern("lower", r"(?<![\w@#.'’])(?P<v>[^\W\d_A-Z]{3,16})(?![\w@]|['’](?!s\b)|-\w)", 0.5),
        Pattern("upper", r"(?<![\w@#.'’])(?P<v>[A-Z][A-Z]{3,15})(?![\w@]|['’](?!s\b)|-\w)", 0.5),
    ]
    CONTEXT = []
    FLAGS = re.MULTILINE  # case-sensitive: the point is the missing (or shouted) capital

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        low = pattern_text.casefold()
        if not (pattern_text.islower() or pattern_text.isupper()):
            return True  # "Élodie" is capitalised: the other recognizers judge it
        return (low not in given_names() or low in STOP_WORDS or low in MONTHS or low in WEEKDAYS
                or low in _ORGANISATIONS or low in STREET_WORDS or is_vocabulary(low, self.common_words) or is_country_or_state(low)
                or low in cities()[0] or is_chat_word(low))  # "austin, tx", "old north dayton": a town before it is a name
