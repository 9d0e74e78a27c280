"""A given name and a surname side by side ("Kwame Asante", "Hoa Nguyen",
"Adaeze Okonkwo"): two capitalised words (in any text not typed in capitals) that are each a
known given name or surname or no English word at all, where the small spaCy
model saw no person (unfamiliar names) or called the pair a place. Sign-in
sheets, schedules and notes are made of such pairs.

Nothing here is a list of particular names: the census lists say which words
are names, the vocabulary which are words; a pair that is a town, a state, a
brand, a company or a street is left alone."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (MONTHS, STREET_WORDS, UNIT_WORDS, WEEKDAYS, brand_pattern, cities, common_surnames,
                                given_names, is_country_or_state, is_vocabulary, mostly_given_name)
from checks.phi.recognizers.base import NameRecognizer
from checks.phi.recognizers.surname_shape import surname_shaped
from checks.phi.recognizers.textcase import case_style

_BLOCK = STOP_WORDS | MONTHS | WEEKDAYS | STREET_WORDS | UNIT_WORDS
_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?")
# entity kinds spaCy gives a pair that is surely no one: a thing, a work, an event, a law, a people
_THING_ENTITIES = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "NORP", "DATE", "TIME", "MONEY",
                   "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"}
# a greeting or a cheer before a name is no given name: "Hi Rosa", "Congrats Maya", "Happy Birthday"
_OPENERS = {"hi", "hey", "hello", "hiya", "dear", "thanks", "thank", "congrats", "congratulations", "happy", "welcome",
            "meet", "go", "love", "miss", "yes", "ok", "okay", "sorry", "good", "great", "cheers", "bye", "night",
            "morning", "shoutout", "kudos", "hugs", "ty", "thx", "yay", "wow", "oh", "omg", "lol"}
_PLACE_CUES = {"in", "at", "from", "to", "near", "into", "around", "outside", "via", "towards", "on"}
_FOLLOWERS = STREET_WORDS | {"inc", "ltd", "llc", "plc", "corp", "co", "group", "partners", "technologies", "consulting",
                             "city", "county", "river", "lake", "island", "mountain", "valley", "health", "clinic",
                             "center", "centre", "hospital", "school", "university", "college", "foundation",
                             "institute", "church", "bank", "park", "high", "elementary", "academy", "family"}


class FullNameRecognizer(NameRecognizer):
    """Two capitalised name-like words in a row, as PERSON."""

    ENTITY = "PERSON"
    PATTERNS = []
    CONTEXT = []

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        tokens = getattr(nlp_artifacts, "tokens", None)
        if tokens is None or case_style(text) == "upper":  # (in lower-case chat a capitalised pair stands out more)
            return []
        out = []
        for first, second in zip(tokens, tokens[1:]):
            if not (_WORD.fullmatch(first.text) and _WORD.fullmatch(second.text)) or second.idx != first.idx + len(first) + 1:
                continue
            if not self._pair_of_names(first.text, second.text):
                continue
            if first.ent_type_ in _THING_ENTITIES or second.ent_type_ in _THING_ENTITIES:
                continue
            prev = tokens[first.i - 1] if first.i else None
            nxt = tokens[second.i + 1] if second.i + 1 < len(tokens) else None
            # (not after a slash in a path, "site.com/Kwame", nor the tail of a hyphened title, "The Whole-Brain Child")
            glued = prev is not None and prev.text in ("/", "-", "–") and prev.idx + 1 == first.idx
            if glued or prev is not None and (prev.lower_ in _PLACE_CUES or prev.text in ("@", "#", "the", "The")
                                     or (prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in _BLOCK)):
                continue  # "in Tualatin Hills", "the Ramos Fund", "Lake Oswego Tigard": a place or a longer name
            if nxt is not None and (nxt.lower_ in _FOLLOWERS or (nxt.text[:1].isupper() and nxt.is_alpha)):
                continue  # "Kaiser Permanente Health", "Ramos Family Dental": a business, or a longer run
            pair = f"{first.text} {second.text}"
            if is_country_or_state(pair) or pair.casefold() in cities()[0] or brand_pattern().search(pair):
                continue
            # (a known given name and a known surname outweigh spaCy's place: "Adaeze Okonkwo" is no town)
            score = 0.9 if first.lower_ in given_names() and second.lower_ in common_surnames() else 0.7
            out.append(self.person(first.idx, second.idx + len(second), score))
        return out

    def _pair_of_names(self, given: str, surname: str) -> bool:
        """Each word a known name or no English word, and the pair no run of words: a known given name
        first, or a known or surname-shaped surname second, or neither word in any dictionary."""
        g, s = given.casefold(), surname.casefold()
        if g in _BLOCK or s in _BLOCK or g in _OPENERS or s in _FOLLOWERS or len(g) < 2 or len(s) < 2:
            return False
        g_name, s_name = g in given_names(), s in common_surnames() or surname_shaped(s)
        g_word, s_word = is_vocabulary(given, self.common_words), is_vocabulary(surname, self.common_words)
        if (g_word and not g_name) or (s_word and not (s_name and g_name)) \
                or (g_word and s_word and not (mostly_given_name(g) and s_name)):
            # "Summer Lee", "Grace Park" stay (a given name, then a surname); "Pacific Dental", "Brightside News",
            # "Brain Child" do not
            return False
        return g_name or s_name or not (g in cities()[0] or s in cities()[0])
