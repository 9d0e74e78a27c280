"""Known given names followed by a surname ("Sophie Lang", "patricia
desrosiers"), from an international given-name dictionary (gender-guesser's
nam_dict, about 45,000 names from 50+ countries), so non-English names the
small spaCy model has never seen are still found. Works in lower case and
ALL CAPS posts, where capitalisation gives spaCy nothing to go on."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (MONTHS, STREET_WORDS, UNIT_WORDS, WEEKDAYS, census_given_name, cities, common_surnames,
                                given_names,
                                is_chat_word, is_country_or_state, is_vocabulary)
from checks.phi.recognizers.base import NameRecognizer
from checks.phi.recognizers.textcase import case_style

_BLOCK = STOP_WORDS | MONTHS | WEEKDAYS | STREET_WORDS | UNIT_WORDS
# spaCy's entity types for what is not a person (places are judged after the engine)
_NOT_A_PERSON = {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP", "EVENT", "LAW", "LANGUAGE"}


# a name in the place of the one spoken to: "leave a review, Faith.", "Thank you June for ...",
# "Summer, thank you for ..." (in a sentence that speaks to someone, so "Welcome, Summer!" is a season)
_THANKED_BEFORE = re.compile(r"\b(?:thank you|thanks|thx|hi|hey|dear|congrats|congratulations)[ \t]*,?[ \t]*$", re.I)
_VOCATIVE_AFTER = re.compile(r"[ \t]*[!.?]+(?:[ \t]|$)|[ \t]*$")
_SPEAKS_TO = re.compile(r"\b(?:you|your|thank|thanks|review)\b", re.I)
_ADDRESS_OPENS = re.compile(r"(?:^|[.!?\n]|[^\w\s,.;:'’\"“”-])[ \t]*$")
_THEN_SPOKEN_TO = re.compile(r",[ \t]+(?:thank|thanks|you|your|congrats|congratulations)\b", re.I)


# a verb done to people: "Please call Maria at ...", "ask Dana about ...", "we saw Hope today"
_PEOPLE_VERB_BEFORE = re.compile(r"\b(?:call|text|ask|tell|email|e-mail|message|dm|thank|congratulate|welcome|meet|hug|"
                                 r"remind|invite|saw|treated|helped)[ \t]+$", re.I)


def in_a_persons_place(text: str, start: int, end: int) -> bool:
    """Spoken to, or the object of a verb only people take."""
    before = text[max(0, start - 40):start]
    if _THANKED_BEFORE.search(before) or _PEOPLE_VERB_BEFORE.search(before):
        return True
    if before.rstrip(" \t").endswith(",") and _VOCATIVE_AFTER.match(text, end):
        s0 = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
        return bool(_SPEAKS_TO.search(text, s0, start))
    return bool(_ADDRESS_OPENS.search(before) and _THEN_SPOKEN_TO.match(text, end))


class GivenNameRecognizer(NameRecognizer):
    """Given name + optional initial + surname-like word, in any case style."""

    ENTITY = "PERSON"
    PATTERNS = [Pattern(
        "given_surname",
        r"(?<![\w@.])(?P<v>[^\W\d_][\w'’\-]+[ \t]+(?:[^\W\d_]\.?[ \t]+)?[^\W\d_][\w'’\-]+)",
        0.6)]
    CONTEXT = []
    FLAGS = re.MULTILINE

    def __init__(self, common_words: frozenset[str] = frozenset(), uncased_words: frozenset[str] | None = None,
                 supported_language: str = "en"):
        super().__init__(common_words, supported_language)
        # lower-case and ALL-CAPS text: WordNet's people are names there ("isabella reyes")
        self.uncased_words = common_words if uncased_words is None else uncased_words

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        style = case_style(text)
        names = given_names()
        out = []
        for _, rx in self._compiled:
            pos = 0
            while True:
                m = rx.search(text, pos)
                if not m:
                    break
                toks = m.group("v").split()
                first, last = toks[0], toks[-1]
                ok = self._ok(first, last, toks, style, names)
                if ok:
                    s, e = m.span("v")
                    if not is_country_or_state(text[s:e]):
                        out.append(RecognizerResult(self.ENTITY, s, e, 0.6, recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            "is_score_enhanced_by_context": True}))
                    pos = m.end()
                else:
                    # retry from the next word (overlapping matches)
                    nxt = re.search(r"\s+", text[m.start():m.end()])
                    pos = m.start() + (nxt.end() if nxt else len(m.group(0)))
        if style != "upper":  # capitalised tokens only, so all-lower-case text yields none
            out.extend(self._standalone(text, names, out, nlp_artifacts))
        return out

    def _standalone(self, text, names, found, nlp_artifacts=None):
        """A capitalised given name on its own ("Sunniva is very reliable"), when
        it is not also an English word."""
        res = []
        pos, tokens_index, ents = {}, {}, {}
        tokens = getattr(nlp_artifacts, "tokens", None)
        if tokens is not None:
            pos = {t.idx: t.pos_ for t in tokens}
            ents = {t.idx: t.ent_type_ for t in tokens}
            tokens_index = {t.idx: t.i for t in tokens}
        for m in re.finditer(r"(?<![\w@.'’\-])[^\W\d_][\w'’\-]+", text):
            w = m.group(0)
            core = re.sub(r"['’]s$", "", w)
            low = core.casefold()
            if not core[0].isupper() or core.isupper() or low not in names or low in _BLOCK or len(core) < 3:
                continue
            personal = in_a_persons_place(text, m.start(), m.start() + len(core))
            tag = pos.get(m.start())
            # a given name that is no English word ("Marguerite", "Zainab", "Thuy"; WordNet's people such as
            # "Penelope" are names, phi.lexicon.names_not_words) is a person wherever it stands: spaCy's
            # part of speech for a word it has never seen ("Re: Zainab" as a noun, "Thuy," as an
            # interjection) says nothing; the organisation, place and product checks after the engine still apply
            no_word = self._no_word(low)
            if no_word and (tag not in (None, "PROPN") or low in self.common_words) and not personal \
                    and ents.get(m.start()) in _NOT_A_PERSON:
                continue  # ... unless spaCy reads it as a firm's, product's or work's name ("Penelope Tea Co.")
            if tag is not None and tag != "PROPN" and not personal and not no_word:
                continue  # the tagger reads it as an ordinary word here
            if low in self.common_words and not no_word:
                # a word that is also vocabulary ("Love", "Royal"): only as the subject of a verb
                i = tokens_index.get(m.start())
                nxt = tokens[i + 1] if i is not None and i + 1 < len(tokens) else None
                prev = tokens[i - 1] if i else None
                subject = nxt is not None and (nxt.pos_ in ("VERB", "AUX") or nxt.text in ("'s", "’s"))
                if not subject and not personal:
                    continue
                if prev is not None and prev.text[:1].isupper() and not prev.is_sent_start:
                    continue  # inside a Title Case phrase ("The Princess Royal arrived")
            s, e = m.start(), m.start() + len(core)
            if any(r.start <= s < r.end for r in found) or is_country_or_state(core):
                continue
            res.append(RecognizerResult(self.ENTITY, s, e, 0.5, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "is_score_enhanced_by_context": True}))
        return res

    def _no_word(self, low: str) -> bool:
        """No English word: not in the vocabulary for names (WordNet less the given names English writes
        capitalised), in none of its inflections ("dolores" reads as "dolor" + s), and not chat shorthand."""
        return not is_vocabulary(low, self.uncased_words) and not is_chat_word(low) \
            and low not in cities()[0]  # "Austin", "Florence": a town as often as a person

    def _ok(self, first, last, toks, style, names):
        f, l_ = first.casefold(), last.casefold()
        # (a given name that is also a stop word, before a surname that is no word: "reminder: Will Okonkwo testing
        # day 2")
        word_name = f in STOP_WORDS and f not in MONTHS and len(f) > 2 and census_given_name(f) and style == "mixed" \
            and first[:1].isupper() \
            and last[:1].isupper() and len(toks) == 2 and l_ not in self.common_words and not is_chat_word(l_) \
            and l_ not in cities()[0] and not is_country_or_state(last)
        if f not in names or (f in _BLOCK and not word_name) or l_ in _BLOCK:
            return False
        if style == "mixed":
            if not (first[0].isupper() and last[0].isupper()):
                return False
            if first.isupper() and len(first) > 1 or last.isupper() and len(last) > 1:
                return False  # acronyms
            if len(toks) == 3 and not toks[1][0].isupper():
                return False
            return f not in self.common_words or l_ not in self.common_words
        # lower / upper case text: both words must look like names, not vocabulary ... or a given name that is also
        # a word, before a surname that is none ("move hunter briggs to the 27th")
        if f in self.uncased_words:
            return len(l_) > 3 and l_ in common_surnames() and l_ not in self.uncased_words and l_ not in names \
                and not is_chat_word(l_) and l_ not in cities()[0]
        return len(l_) > 2 and (l_ not in self.uncased_words or l_ in names)
