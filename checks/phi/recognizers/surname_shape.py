"""Lone surnames recognised by their shape: capitalised words that are not
English vocabulary and end like the surnames of many languages (-ov/-ova,
-ski, -sen/-son, -ez, -escu, -ić/-vich, -berg, -stein, -ini, -ashvili,
-nen, -dóttir...). The small spaCy model skips such a surname when it stands
alone in an odd position ("the Sokolov novel", "early Yefremova?") or calls
it a place. Nothing here is a list of particular names."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import MONTHS, STREET_WORDS, UNIT_WORDS, WEEKDAYS, is_country_or_state, is_vocabulary
from checks.phi.recognizers.base import NameRecognizer
from checks.phi.recognizers.textcase import case_style

# Surname endings across languages (Slavic, Nordic, Finnish, Iberian, Romanian,
# Italian, Greek, Georgian, Armenian, Turkish, Persian, German/Dutch).
_SUFFIX = re.compile(
    r"(?:[^aeiouy]ov|[^aeiouy]ova|[^aeouy]ev|[^aeiouy]eva|ovich|evich|ovna|evna|ovic|ović|evic|ević|[^aeiou]ić|"
    r"wicz|czyk|ski|ska|sky|skaya|skiy|sen|ssen|sson|son|dottir|dóttir|nen|inen|berg|stein|"
    r"escu|[^aeiou]ez|[ae]ira|ini|elli|etti|ucci|poulos|opoulos|akis|idis|ashvili|dze|enko|chuk|"
    r"yan|oglu|oğlu|zadeh|ström|strom|qvist|kvist|gaard|mann|huber|eanu)$")
_BLOCK = STOP_WORDS | MONTHS | WEEKDAYS | STREET_WORDS | UNIT_WORDS
_SKIP_ENTITIES = {"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "NORP",
                  "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"}
_PLACE_CUES = {"in", "at", "from", "to", "near", "into", "of", "around", "outside", "via", "on", "towards"}
_FOLLOWERS = STREET_WORDS | {"inc", "ltd", "llc", "plc", "corp", "group", "partners", "technologies",
                             "consulting", "city", "county", "river", "lake", "island", "mountain", "valley"}


class SurnameShapeRecognizer(NameRecognizer):
    """A capitalised non-dictionary word with a surname ending, as PERSON."""

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
            if len(w) < 4 or not w[0].isupper() or w.isupper() or not re.fullmatch(r"[^\W\d_][\w'’\-]*", w):
                continue
            low = w.casefold()
            if not _SUFFIX.search(low.split("-")[-1]) or t.ent_type_ in _SKIP_ENTITIES:
                continue
            if t.ent_type_ == "ORG" and not _alone_in_entity(tokens, t):
                continue  # "Bergmann Analytics": a company; a lone "Sokolov" may be tagged ORG
            if low in _BLOCK or is_vocabulary(w, self.common_words) or is_country_or_state(w):
                continue
            prev = tokens[t.i - 1] if t.i else None
            if prev is not None and (prev.lower_ in _PLACE_CUES or prev.text in ("@", "#", "/")):
                continue  # "in Karlsberg", "to Aleksandrov": a place reading is as likely
            nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
            if nxt is not None and (nxt.lower_ in _FOLLOWERS or nxt.like_num):
                continue  # "Lindberg Street", "Bergmann Ltd", "Hansen 12": a street or company
            out.append(self.person(t.idx, t.idx + len(w), 0.55))
        return out


def surname_shaped(word: str) -> bool:
    """A word (case-folded) that ends like the surnames of many languages."""
    return bool(_SUFFIX.search(word))


def _alone_in_entity(tokens, t) -> bool:
    """The token is a one-word entity: no entity token right before or after it."""
    nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
    return t.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")
