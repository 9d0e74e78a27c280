"""A word opening a clause as the doer of a person's deed, in any case:
"thiago climbed the rock wall", "ANANYA walked in", "joy said her shoulder ...".
Phones drop capitals and the small spaCy model then misses names it has never
seen; what the word does in the sentence still says it is someone."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (HONORIFICS, MONTHS, STREET_WORDS, WEEKDAYS, given_names, is_chat_word,
                                is_country_or_state, is_vocabulary)
from checks.phi.recognizers.base import NameRecognizer

_BLOCK = STOP_WORDS | MONTHS | WEEKDAYS | STREET_WORDS
# clause openings in chat-style text: start of a line or sentence, after an emoji or a joining word
_CLAUSE_OPENS = (r"(?:^|[.!?\n\"“:;,)]|[^\w\s.,'’#@&*/-]|\b(?:and|when|bc|so|then|cause|but|lol|omg|ok|today|update|pov)\b)"
                 r"[ \t]*")
# past-tense deeds that take a person as subject in a post about someone's day
_DEEDS = ("walked|climbed|rode|ran|jumped|danced|hopped|drove|swam|lifted|threw|crawled|skated|biked|hiked|"
          "said|told|asked|cried|smiled|laughed|texted|picked|brought|wanted|hugged|sang|waved|"
          "finished|graduated|crushed|nailed|started|did|got|made|hit|came|went|left|showed|sent|wore|won|beat")
_PRONOUN_SOON = re.compile(r"[ \t]+(?:\S+[ \t]+){0,3}?(?:his|her|him|herself|himself)\b", re.I)
_HUMAN_ONLY = frozenset({"said", "told", "asked", "cried", "smiled", "laughed", "texted", "hugged", "waved", "sang",
                         "wanted", "graduated", "picked"})


class DeedSubjectRecognizer(NameRecognizer):
    """A word opening a clause as the doer of a person's deed, in any case:
    "thiago climbed the rock wall", "ANANYA walked in", "joy said her shoulder ...".
    A word no dictionary lists needs any deed; a given name that is also a word
    ("joy", "mercy", "will") needs a deed only people do, or his/her right after,
    so "summer started early" stays a season."""

    ENTITY = "PERSON"
    PATTERNS = [Pattern("deed", rf"{_CLAUSE_OPENS}(?P<v>[^\W\d_]{{3,15}})[ \t]+(?:just[ \t]+|finally[ \t]+|really[ \t]+)?"
                                rf"(?:{_DEEDS})\b", 0.9)]  # above spaCy's 0.85: the deed settles it
    CONTEXT = []
    FLAGS = re.MULTILINE | re.IGNORECASE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        low = pattern_text.casefold()
        if low in _BLOCK or is_chat_word(low) or is_country_or_state(low) or low in HONORIFICS:
            return True
        if not is_vocabulary(low, self.common_words):
            return False
        if low not in given_names():
            return True
        verb = re.match(r"[ \t]+(?:just[ \t]+|finally[ \t]+|really[ \t]+)?([a-z]+)", text[end:], re.I)
        return not (verb and verb.group(1).casefold() in _HUMAN_ONLY) and not _PRONOUN_SOON.match(text, end)
