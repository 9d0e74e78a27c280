"""Capitalised words the tagger reads as proper nouns, that are neither
vocabulary nor a known name, nor inside any spaCy entity of another type:
unfamiliar surnames ("the Ásgeirsdóttir novel", "early Yefremova?") that the
small NER model skips. Low score and lowest rank: any other reading wins."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import MONTHS, STREET_WORDS, UNIT_WORDS, WEEKDAYS, is_country_or_state, is_vocabulary
from checks.phi.recognizers.base import NameRecognizer
from checks.phi.recognizers.textcase import case_style

_BLOCK = STOP_WORDS | MONTHS | WEEKDAYS | STREET_WORDS | UNIT_WORDS
_ORG_WORDS = {"inc", "ltd", "llc", "plc", "corp", "group", "partners", "technologies", "consulting"}
_OTHER_ENTITIES = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE",
                   "NORP", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"}


class ProperNounRecognizer(NameRecognizer):
    """An unknown proper noun (PROPN) in running mixed-case text, as PERSON."""

    ENTITY = "PERSON"
    PATTERNS = []
    CONTEXT = []

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        tokens = getattr(nlp_artifacts, "tokens", None)
        if tokens is None or case_style(text) != "mixed":
            return []
        out = []
        for t in tokens:
            w = t.text
            if t.pos_ != "PROPN" or t.ent_type_ in _OTHER_ENTITIES or t.ent_type_ == "PERSON":
                continue
            if len(w) < 3 or not w[0].isupper() or w.isupper() or not re.fullmatch(r"[^\W\d_][\w'’\-]*", w):
                continue
            low = w.casefold()
            lemma = t.lemma_.casefold()
            if low in _BLOCK or is_vocabulary(w, self.common_words) or lemma in self.common_words \
                    or is_country_or_state(w):
                continue
            if t.is_sent_start or t.i == 0:
                continue  # a sentence start says nothing about a proper noun
            prev = tokens[t.i - 1]
            if prev.text in (">", "@", "#") or prev.like_url or prev.like_email:
                continue
            if prev.pos_ == "ADP" and prev.lower_ not in ("by", "with"):
                continue  # "work for Datamyne", "in Laax": organisations and places
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
            if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ in _ORG_WORDS):
                continue  # part of a longer proper name spaCy did not label
            out.append(self.person(t.idx, t.idx + len(w), 0.45))
        return out
