"""Names announced by the words around them: "my name is ...", "Dear ...",
"said ... to ...", "Name: ...", "my son ...", titles such as "Mrs. ...".

The small spaCy model misses names it has not seen, especially non-English
ones; a strong cue makes any capitalised word a name, a weak cue ("with",
"and", "to") only a known given name."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (DEED_VERBS, MONTHS, STREET_WORDS, WEEKDAYS, given_names, is_country_or_state,
                                is_vocabulary)
from checks.phi.recognizers.base import NameRecognizer
from checks.phi.recognizers.textcase import case_style

_NAME = r"[^\W\d_][\w'’\-]*(?:[ \t]+(?:[A-Z]\.?(?![\w'’\-])|[^\W\d_][\w'’\-]*)){0,3}"
_STRONG = (r"my[ \t]+name[ \t]+is|name[ \t]+is|name's|last[ \t]+name(?:[ \t]+is)?\??|first[ \t]+name(?:[ \t]+is)?\??|"
           r"maiden[ \t]+name[ \t]+is|called|named|call[ \t]+me|goes[ \t]+by|dear|"
           r"name[ \t]*:|patient[ \t]*:|client[ \t]*:|"
           r"mr\.?|mrs\.?|ms\.?|mx\.?|miss|dr\.?|prof\.?|"
           r"my[ \t]+(?:son|daughter|kid|child|wife|husband|partner|mom|mother|dad|father|brother|sister|"
           r"friend|boyfriend|girlfriend|grandson|granddaughter|grandma|grandpa|client|patient|neighbou?r)|"
           r"(?:our|the)[ \t]+(?:client|patient)|said|told|asked|thanks?|thank[ \t]+you|hi|hello|hey|congrats(?:[ \t]+to)?|"
           r"shout[ \t]*out[ \t]+to|welcome|under|by|with|and|to|user[ \t]*:|"
           r"that's|that[ \t]+is|this[ \t]+is|here's|meet")
_WEAK = {"thanks", "thank", "thank you", "hi", "hello", "hey", "welcome", "under", "by",
         "with", "and", "to", "congrats", "congrats to", "that's", "that is", "this is", "here's", "meet"}


# what a letter calls its readers: "Dear Friend,", "Dear Supporter", "Hello Neighbor"
_NO_ONE_BY_NAME = frozenset({"friend", "friends", "neighbor", "neighbors", "neighbour", "neighbours", "supporter",
                             "supporters", "donor", "donors", "reader", "readers", "member", "members", "colleague",
                             "colleagues", "families", "family", "parents", "patients", "clients", "community", "team",
                             "everyone", "all", "partner", "partners", "subscriber", "subscribers"})


class PersonContextRecognizer(NameRecognizer):
    """A name right after a naming cue, or a given name starting a dialogue line."""

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("cue_name", rf"(?<![\w])(?P<cue>{_STRONG})[ \t]+(?P<v>{_NAME})", 0.9),
        Pattern("dialogue", rf"(?:^|(?<=[.!?\"”]\s))[ \t>]*(?P<v>{_NAME})[ \t]*:(?!//)", 0.88),
        # the one in a slot, in brackets after it: "your 4pm (Emeka) is in the lobby", "10:30 (Halvorsen) cancelled"
        Pattern("slot_bracket", r"(?<![\w:])(?:\d{1,2}(?::\d\d)?[ \t]*(?:am|pm)|\d{1,2}:\d\d)[ \t]*\([ \t]*"
                                r"(?P<v>(?-i:[A-Z])[\w'’\-]+(?:[ \t]+(?-i:[A-Z])[\w'’\-.]*)?)[ \t]*\)", 0.9),
        # a given name paired with a titled name: "i have Destiny AND Mr. Hollis at 1"
        Pattern("paired", r"(?<![\w'’])(?P<v>[^\W\d_][\w'’\-]*)(?=[ \t]+(?:and|&|\+)[ \t]+(?:mr|mrs|ms|mx|miss|dr)\.?[ \t]+"
                          r"[^\W\d_])", 0.9),
        Pattern("list", r"(?<=:)[ \t]+(?P<v>[^\W\d_][\w'’\-]*(?:,[ \t]*[^\W\d_][\w'’\-]*)+,?[ \t]+and[ \t]+[^\W\d_][\w'’\-]*)", 0.88),
    ]
    CONTEXT = ["name", "called", "said"]
    FLAGS = re.IGNORECASE | re.MULTILINE

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        style = case_style(text)
        names = given_names()
        out = []
        for pattern, rx in self._compiled:
            for m in self._overlapping(rx, text):
                if pattern.name == "list":
                    out.extend(self._name_list(text, m, style, names, pattern.score))
                    continue
                cue = (m.groupdict().get("cue") or "").casefold()
                cue = re.sub(r"\s+", " ", cue).strip()
                if m.group("v").split()[0].casefold() in _NO_ONE_BY_NAME:
                    continue  # "Dear Friend,", "Hi Neighbor!": a letter to everyone
                weak = cue in _WEAK or pattern.name == "paired"  # (paired: only a known given name)
                if pattern.name == "dialogue":
                    # "Leverett: What a wife." - a speaker label, unless it is a form label ("Date:")
                    label = m.group("v").split()
                    if any(is_vocabulary(w, self.common_words) and w.casefold() not in names for w in label[1:]):
                        continue  # a heading ("Free workshop:"), not a speaker
                    head = label[0]
                    weak = is_vocabulary(head, self.common_words) or head.isupper() or (
                        style != "mixed" and head.casefold() not in names)  # "unsubscribe anytime:" in lower case
                span = self._name_span(text, *m.span("v"), style, names, strong=not weak,
                                       need_given=weak)
                if span:
                    out.append(self._res(span, 0.6 if weak and pattern.name != "paired" else pattern.score))
        return out

    def _name_list(self, text, m, style, names, score):
        """"founders: Kónya, Becker and Vasquez": a list after a colon whose items
        are single capitalised words, most of them names rather than vocabulary."""
        items = [w for w in re.finditer(r"[^\W\d_][\w'’\-]*", m.group("v")) if w.group(0).casefold() != "and"]
        if len(items) < 2 or (style == "mixed" and not all(w.group(0)[0].isupper() for w in items)):
            return []
        namey = [w for w in items if w.group(0).casefold() in names
                 or not is_vocabulary(w.group(0), self.common_words)]
        if 2 * len(namey) < len(items) + 1:
            return []
        out = []
        for w in items:
            low = w.group(0).casefold()
            if low in STOP_WORDS or low in MONTHS or low in WEEKDAYS or \
                    (low not in names and is_country_or_state(w.group(0))):
                return []
            s = m.start("v") + w.start()
            out.append(self._res((s, s + len(w.group(0))), score))
        return out

    @staticmethod
    def _overlapping(rx, text):
        """Matches that may overlap: "to remove my kid Alina" must not hide "my kid Alina"."""
        pos = 0
        while pos <= len(text):
            m = rx.search(text, pos)
            if not m:
                return
            yield m
            pos = max(m.start("v"), m.start() + 1)

    def _name_span(self, text, start, end, style, names, strong, need_given, max_words=4):
        words = list(re.finditer(r"\S+", text[start:end]))
        keep = []
        for i, w in enumerate(words[:max_words]):
            tok = w.group(0)
            # "Dr. Hollis's dog": only the possessive goes ("Hollis", not "Holli" as rstrip("'s") left)
            core = tok[:-2] if tok.endswith(("'s", "’s")) else tok.rstrip(".,;:!?\"')")
            if len(core) == 1 and core.isalpha() and core.isupper() and i:
                keep.append((w.start(), w.start() + len(tok.rstrip(",;:!?"))))
                continue
            low = core.casefold()
            if not core or low in STOP_WORDS or low in MONTHS or low in WEEKDAYS or low in STREET_WORDS:
                break
            if i == 0 and low in DEED_VERBS and not core[0].isupper():
                break  # "my wife said I ...": what she did, not her name
            if style == "mixed" and not core[0].isupper():
                break
            if style == "mixed" and core.isupper() and len(core) > 1:
                break  # an acronym ("RSVP"), not a name
            if style == "upper" and i == 0 and not (low in names):
                break
            if style != "mixed" and strong and i and low not in names and is_vocabulary(low, self.common_words):
                break  # "dr. maya chen use evidence-based ...": without capitals the name ends at a word
            keep.append((w.start(), w.start() + len(core)))
            if tok != core and not tok.endswith(("'s", "’s")):
                break
            if tok.endswith(("'s", "’s")):
                break
        if not keep:
            return None
        first = text[start + keep[0][0]:start + keep[0][1]].casefold()
        if need_given and first not in names:
            return None
        first_raw = text[start + keep[0][0]:start + keep[0][1]]
        if style != "mixed" and first not in names and (
                not strong or (is_vocabulary(first, self.common_words) and not first_raw[:1].isupper())):
            return None  # without capitals, a dictionary word after "my father" is not a name
        s, e = start + keep[0][0], start + keep[-1][1]
        if is_country_or_state(text[s:e]):
            return None
        return s, e

    def _res(self, span, score):
        return RecognizerResult(self.ENTITY, span[0], span[1], score, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            "is_score_enhanced_by_context": True})
