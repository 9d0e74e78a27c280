"""Towns and cities after movement and residence cues ("grew up in SUND",
"flew to Loeches"): the small spaCy model misses unfamiliar and ALL-CAPS
place names. Countries and states are dropped (not PHI)."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import MONTHS, WEEKDAYS, given_names, is_country_or_state, is_vocabulary
from checks.phi.recognizers.base import SpanPatternRecognizer
from checks.phi.recognizers.textcase import case_style

_PLACE = r"[^\W\d_][\w'’.\-]*(?:[ \t]+(?:[^\W\d_][\w'’.\-]*)){0,3}"
_LINKS = {"de", "del", "da", "do", "la", "le", "upon", "on", "am", "an", "der", "sur", "en", "y"}


_TOWN_AFTER = re.compile(r"\b(?:in|from|of|near|to|outside)[ \t]+(?P<t>[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*)?)",
                         re.IGNORECASE)


class CityContextRecognizer(SpanPatternRecognizer):
    """A capitalised place name after a residence or travel cue."""

    ENTITY = "LOCATION"
    PATTERNS = [Pattern(
        "city_cue",
        r"\b(?:flew|flown|flying|drove|moved|moving|relocated|travell?ed|trip|came|come|went|headed|returned|"
        r"returning|got[ \t]+back)[ \t]+"
        r"(?:here[ \t]+)?(?:to|from|back[ \t]+to)[ \t]+(?P<v>" + _PLACE + r")"
        r"|\b(?:grew[ \t]+up|raised|born|lives?|living|lived|based|resides?|residing|located|stationed|"
        r"staying|arrived|i'm|i[ \t]+am|we're|we[ \t]+are|currently)[ \t]+(?:in|at)[ \t]+(?P<w>" + _PLACE + r")"
        r"|\b(?:home[ \t]+city|hometown|town[ \t]+of|city[ \t]+of|university[ \t]+of)[ \t:]+(?P<z>" + _PLACE + r")"
        r"|\b(?:originally|hails?)[ \t]+from[ \t]+(?P<x>" + _PLACE + r")"
        r"|^[ \t]*where:[ \t]*(?P<y>" + _PLACE + r")"
        # a county, in any case: "the real estate queen of polk county"
        r"|(?<![\w'’])(?P<c>(?!(?:the|this|our|your|every|each|any|a|per|same|home|whole|neighboring|neighbouring|"
        r"next|local|rural|border)\b)[^\W\d_][\w'’\-]*[ \t]+(?:county|parish))\b",
        0.88)]
    CONTEXT = ["from", "in", "moved"]
    FLAGS = re.IGNORECASE | re.MULTILINE

    def __init__(self, common_words: frozenset[str] = frozenset()):
        super().__init__()
        self.common_words = common_words

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = []
        style = case_style(text)
        if style != "mixed":
            results += [self._result(span) for span in self._known_towns(text)]
        for _, rx in self._compiled:
            for m in rx.finditer(text):
                if m.group("c"):
                    if m.group("c").split()[0].casefold() not in STOP_WORDS:
                        results.append(self._result(m.span("c")))  # a county's name may be any word ("Orange")
                    continue
                for g in ("v", "w", "x", "y", "z"):
                    if m.group(g):
                        span = self._trim(text, *m.span(g), style)
                        if span:
                            results.append(self._result(span))
        return results

    def _trim(self, text, start, end, style):
        words = list(re.finditer(r"\S+", text[start:end]))
        keep_end = None
        for i, w in enumerate(words):
            tok = w.group(0).rstrip(".,;:!?")
            low = tok.casefold()
            if i and low in _LINKS:
                continue
            if low in STOP_WORDS or low in MONTHS or low in WEEKDAYS:
                break
            if style == "mixed" and not tok[:1].isupper():
                break
            keep_end = start + w.start() + len(tok)
            if w.group(0)[-1] in ".,;:!?":
                break
        if keep_end is None:
            return None
        if is_country_or_state(text[start:keep_end]):
            return None
        if style != "mixed" and self._ordinary_words(text[start:keep_end]):
            return None  # "we are in network", "went from skipping school": without capitals, words are no town
        if style == "lower" and not re.search(r"\b(?:in|at|of|from|to|where:)[ \t]*$", text[max(0, start - 8):start]):
            return None
        return start, keep_end

    def _known_towns(self, text: str) -> list[tuple[int, int]]:
        """Without capitals, a known town after a preposition ("the hendersons of boise"): a city of the
        shipped list whose words are no dictionary words (not "reading", "mobile" or "bath")."""
        from checks.phi.lexicon import cities
        names = cities()[0]
        out = []
        for m in _TOWN_AFTER.finditer(text):
            words = m.group("t").split()
            for n in (2, 1):
                place = " ".join(words[:n])
                if len(words) >= n and place.casefold() in names and not self._ordinary_words(place) \
                        and place.casefold() not in given_names():  # "so proud of tyler" is a person
                    start = m.start("t")
                    out.append((start, start + len(place)))
                    break
        return out

    def _ordinary_words(self, place: str) -> bool:
        """Every word of an uncapitalised place is a dictionary word and the whole is no known city."""
        from checks.phi.lexicon import cities
        words = [w.strip(".'’-") for w in place.split()]
        return place.casefold() not in cities()[0] and all(is_vocabulary(w, self.common_words) for w in words if w)

    def _result(self, span):
        from presidio_analyzer import RecognizerResult
        return RecognizerResult(self.ENTITY, span[0], span[1], 0.88, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            "is_score_enhanced_by_context": True})
